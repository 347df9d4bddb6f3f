#compdef facetctl

autoload -U is-at-least

_facetctl() {
    typeset -A opt_args
    typeset -a _arguments_options
    local ret=1

    if is-at-least 5.2; then
        _arguments_options=(-s -S -C)
    else
        _arguments_options=(-s -C)
    fi

    local context curcontext="$curcontext" state line
    _arguments "${_arguments_options[@]}" : \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_facetctl_commands" \
"*::: :->facetctl" \
&& ret=0
    case $state in
    (facetctl)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:facetctl-command-$line[1]:"
        case $line[1] in
            (release-stream)
_arguments "${_arguments_options[@]}" : \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_facetctl__subcmd__release-stream_commands" \
"*::: :->release-stream" \
&& ret=0

    case $state in
    (release-stream)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:facetctl-release-stream-command-$line[1]:"
        case $line[1] in
            (create)
_arguments "${_arguments_options[@]}" : \
'--description=[What it is for, in a few words]:DESCRIPTION:_default' \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--prod[Mark it as production]' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- Its name, as Facets spells it (QA, PRODUCTION); unique whatever its case:_default' \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_facetctl__subcmd__release-stream__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:facetctl-release-stream-help-command-$line[1]:"
        case $line[1] in
            (create)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(environment)
_arguments "${_arguments_options[@]}" : \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_facetctl__subcmd__environment_commands" \
"*::: :->environment" \
&& ret=0

    case $state in
    (environment)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:facetctl-environment-command-$line[1]:"
        case $line[1] in
            (create)
_arguments "${_arguments_options[@]}" : \
'--release-stream=[The release stream it runs; a production stream makes it protected]:RELEASE_STREAM:_default' \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- Its name\: a bucket of environment integrations (qa, staging, production):_default' \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_facetctl__subcmd__environment__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:facetctl-environment-help-command-$line[1]:"
        case $line[1] in
            (create)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(registry)
_arguments "${_arguments_options[@]}" : \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_facetctl__subcmd__registry_commands" \
"*::: :->registry" \
&& ret=0

    case $state in
    (registry)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:facetctl-registry-command-$line[1]:"
        case $line[1] in
            (add)
_arguments "${_arguments_options[@]}" : \
'--kind=[The product\: decides credential sources and quirks]:KIND:(ecr acr gar gcr nexus dockerhub jfrog harbor generic)' \
'--url=[host\[\:port\]\[/prefix\], without a scheme]:HOST[/PREFIX]:_default' \
'--username=[The username the control plane pushes with; the password comes from stdin]:USERNAME:_default' \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--password-stdin[Read the password or token from stdin]' \
'--insecure[Plain HTTP (only for registries on this machine)]' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- A name for it, which integrations use (--registry):_default' \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(show)
_arguments "${_arguments_options[@]}" : \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- The registry'\''s name:_default' \
&& ret=0
;;
(remove)
_arguments "${_arguments_options[@]}" : \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- The registry'\''s name:_default' \
&& ret=0
;;
(check)
_arguments "${_arguments_options[@]}" : \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- The registry'\''s name:_default' \
&& ret=0
;;
(login)
_arguments "${_arguments_options[@]}" : \
'--username=[The username the registry knows you by]:USERNAME:_default' \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--password-stdin[Read the password or token from stdin]' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- The registry'\''s name:_default' \
&& ret=0
;;
(logout)
_arguments "${_arguments_options[@]}" : \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- The registry'\''s name:_default' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_facetctl__subcmd__registry__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:facetctl-registry-help-command-$line[1]:"
        case $line[1] in
            (add)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(show)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(remove)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(check)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(login)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(logout)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(workflow)
_arguments "${_arguments_options[@]}" : \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_facetctl__subcmd__workflow_commands" \
"*::: :->workflow" \
&& ret=0

    case $state in
    (workflow)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:facetctl-workflow-command-$line[1]:"
        case $line[1] in
            (create)
_arguments "${_arguments_options[@]}" : \
'--type=[What the stages are\: environments or release streams]:REGISTRATION_TYPE:(environment release-stream)' \
'*--stages=[The stages in promotion order, comma-separated\: qa,staging,production]:STAGES:_default' \
'*--gate=[A stage whose promotions wait for N approvals (default 1), e.g. production\:2. Repeatable]:STAGE[:N]:_default' \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- Its name, which integrations use (--workflow):_default' \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(show)
_arguments "${_arguments_options[@]}" : \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- The workflow'\''s name:_default' \
&& ret=0
;;
(update)
_arguments "${_arguments_options[@]}" : \
'*--stages=[All its stages from now on, in promotion order\: qa,staging,production]:STAGES:_default' \
'(--no-gates)*--gate=[The gates from now on (repeatable); left out, the workflow keeps its gates]:STAGE[:N]:_default' \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-gates[No stage waits for approvals from now on]' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- The workflow'\''s name:_default' \
&& ret=0
;;
(delete)
_arguments "${_arguments_options[@]}" : \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- The workflow'\''s name:_default' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_facetctl__subcmd__workflow__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:facetctl-workflow-help-command-$line[1]:"
        case $line[1] in
            (create)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(show)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(update)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(delete)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(integration)
_arguments "${_arguments_options[@]}" : \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_facetctl__subcmd__integration_commands" \
"*::: :->integration" \
&& ret=0

    case $state in
    (integration)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:facetctl-integration-command-$line[1]:"
        case $line[1] in
            (create)
_arguments "${_arguments_options[@]}" : \
'--type=[What its buckets are\: environments or release streams]:REGISTRATION_TYPE:(environment release-stream)' \
'--registry=[The registry its images live in (see \`facetctl registry list\`)]:REGISTRY:_default' \
'--repository=[Repository path in the registry (default\: the integration'\''s name)]:REPOSITORY:_default' \
'--workflow=[The promotion workflow its buckets follow]:WORKFLOW:_default' \
'--layout=[How buckets map onto the registry\: a repository each, or a tag each in one repository]:LAYOUT:(repository-per-bucket tag-per-bucket)' \
'--rule=[The routing rule that chooses a bucket when a push names none]:RULE:_default' \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- Its name\: the service whose images it moves (Facets'\'' application name):_default' \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(show)
_arguments "${_arguments_options[@]}" : \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- The integration'\''s name:_default' \
&& ret=0
;;
(update)
_arguments "${_arguments_options[@]}" : \
'(--no-workflow)--workflow=[The promotion workflow to follow]:WORKFLOW:_default' \
'(--no-rule)--rule=[The routing rule that chooses a bucket when a push names none]:RULE:_default' \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-workflow[Follow no workflow\: nothing can be promoted]' \
'--no-rule[Route by no rule\: every push names its bucket]' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- The integration'\''s name:_default' \
&& ret=0
;;
(delete)
_arguments "${_arguments_options[@]}" : \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- The integration'\''s name:_default' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_facetctl__subcmd__integration__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:facetctl-integration-help-command-$line[1]:"
        case $line[1] in
            (create)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(show)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(update)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(delete)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(rule)
_arguments "${_arguments_options[@]}" : \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_facetctl__subcmd__rule_commands" \
"*::: :->rule" \
&& ret=0

    case $state in
    (rule)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:facetctl-rule-command-$line[1]:"
        case $line[1] in
            (create)
_arguments "${_arguments_options[@]}" : \
'--type=[The kind of bucket it routes to\: environment or release-stream]:REGISTRATION_TYPE:(environment release-stream)' \
'*--route=[KEY=VALUE\:BUCKET; ^= starts with, \$= ends with, *= contains, ~ matches a regex. Repeat, in priority order]:CRITERION:_default' \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- Its name, which integrations use (--rule):_default' \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(show)
_arguments "${_arguments_options[@]}" : \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- The rule'\''s name:_default' \
&& ret=0
;;
(update)
_arguments "${_arguments_options[@]}" : \
'*--route=[As for create; the full new list, in priority order]:CRITERION:_default' \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- The rule'\''s name:_default' \
&& ret=0
;;
(delete)
_arguments "${_arguments_options[@]}" : \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- The rule'\''s name:_default' \
&& ret=0
;;
(test)
_arguments "${_arguments_options[@]}" : \
'*--meta=[KEY=VALUE of the artifact'\''s metadata, e.g. BRANCH_NAME=main. Repeatable]:KEY=VALUE:_default' \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- The rule'\''s name:_default' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_facetctl__subcmd__rule__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:facetctl-rule-help-command-$line[1]:"
        case $line[1] in
            (create)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(show)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(update)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(delete)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(test)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(freeze)
_arguments "${_arguments_options[@]}" : \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_facetctl__subcmd__freeze_commands" \
"*::: :->freeze" \
&& ret=0

    case $state in
    (freeze)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:facetctl-freeze-command-$line[1]:"
        case $line[1] in
            (create)
_arguments "${_arguments_options[@]}" : \
'(--all)--integration=[The integration whose bucket is frozen]:INTEGRATION:_default' \
'--bucket=[The bucket frozen, by name]:BUCKET:_default' \
'(--weekly)--from=[Start (RFC 3339, e.g. 2026-12-24T00\:00\:00Z); with --until]:FROM:_default' \
'--until=[End (RFC 3339); with --from]:UNTIL:_default' \
'--weekly=[Each week\: '\''DAY HH\:MM-DAY HH\:MM'\'', e.g. '\''fri 16\:00-mon 08\:00'\'']:WEEKLY:_default' \
'--timezone=[The weekly window'\''s time zone\: an IANA name, or UTC]:TIMEZONE:_default' \
'--reason=[Why\: shown to everyone the freeze stops]:REASON:_default' \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--all[Every integration'\''s bucket of this name]' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(end)
_arguments "${_arguments_options[@]}" : \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':id -- The freeze, by the id `freeze list` shows:_default' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_facetctl__subcmd__freeze__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:facetctl-freeze-help-command-$line[1]:"
        case $line[1] in
            (create)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(end)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(artifact)
_arguments "${_arguments_options[@]}" : \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_facetctl__subcmd__artifact_commands" \
"*::: :->artifact" \
&& ret=0

    case $state in
    (artifact)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:facetctl-artifact-command-$line[1]:"
        case $line[1] in
            (push)
_arguments "${_arguments_options[@]}" : \
'--integration=[The integration the image belongs to]:INTEGRATION:_default' \
'--bucket=[The bucket (default\: the one the integration'\''s routing rule chooses by the branch)]:BUCKET:_default' \
'--git-ref=[The branch or tag built, recorded as BRANCH_NAME (default\: the CI'\''s own, when routing)]:REF:_default' \
'--tag=[The artifact'\''s tag (default\: the source'\''s tag)]:TAG:_default' \
'--external-id=[The CI build'\''s id, e.g. \$GITHUB_RUN_ID]:EXTERNAL_ID:_default' \
'--description=[A line about the build, kept with the record]:DESCRIPTION:_default' \
'*--meta=[Metadata to record, as KEY=VALUE (git sha, branch, run URL); repeatable]:KEY=VALUE:_default' \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-referrers[Leave signatures, attestations and SBOMs behind (they follow by default)]' \
'--dry-run[Say what would be pushed where, checked as a push would be, and change nothing]' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':source -- A registry reference (host/repo\:tag or @sha256\:...), or oci\:DIR\[\:TAG\]:_default' \
&& ret=0
;;
(register)
_arguments "${_arguments_options[@]}" : \
'--integration=[The integration the image belongs to]:INTEGRATION:_default' \
'--bucket=[The bucket (default\: the one the integration'\''s routing rule chooses by the branch)]:BUCKET:_default' \
'--git-ref=[The branch or tag built, recorded as BRANCH_NAME (default\: the CI'\''s own, when routing)]:REF:_default' \
'--tag=[The artifact'\''s tag (default\: the source'\''s tag)]:TAG:_default' \
'--external-id=[The CI build'\''s id, e.g. \$GITHUB_RUN_ID]:EXTERNAL_ID:_default' \
'--description=[A line about the build, kept with the record]:DESCRIPTION:_default' \
'*--meta=[Metadata to record, as KEY=VALUE (git sha, branch, run URL); repeatable]:KEY=VALUE:_default' \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-referrers[Leave signatures, attestations and SBOMs behind (they follow by default)]' \
'--dry-run[Say what would be pushed where, checked as a push would be, and change nothing]' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':source -- A registry reference (host/repo\:tag or @sha256\:...), or oci\:DIR\[\:TAG\]:_default' \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
'--integration=[The integration whose artifacts to list]:INTEGRATION:_default' \
'--bucket=[Only this bucket'\''s artifacts]:BUCKET:_default' \
'--limit=[At most this many, newest first]:LIMIT:_default' \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(show)
_arguments "${_arguments_options[@]}" : \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':id -- The artifact'\''s id, as `artifact list` shows it:_default' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_facetctl__subcmd__artifact__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:facetctl-artifact-help-command-$line[1]:"
        case $line[1] in
            (push)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(register)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(show)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(promote)
_arguments "${_arguments_options[@]}" : \
'--integration=[The integration to promote]:INTEGRATION:_default' \
'--from=[The source bucket (stage)]:FROM:_default' \
'--to=[The target bucket\: the workflow'\''s next stage after --from]:TO:_default' \
'(--digest)--artifact=[Promote this artifact of the source bucket instead of its head]:ARTIFACT:_default' \
'--digest=[Promote the source bucket'\''s artifact with this digest]:DIGEST:_default' \
'--reason=[Why, kept with the record (required with --force)]:REASON:_default' \
'--timeout=[How long --wait waits before it gives up, leaving the request open (exit 3)\: 30m, 2h...]:DURATION:_default' \
'--expires-in=[How long a request into a gated stage waits for approvals before it expires]:DURATION:_default' \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--dry-run[Say what would be promoted, and change nothing]' \
'--no-referrers[Leave signatures, attestations and SBOMs behind (they follow by default)]' \
'--force[Skip a stage (admin) or go through a freeze (admin or release manager); needs --reason, audited]' \
'--wait[Into a gated stage\: wait until the request is approved and moved (exit 0), or rejected, cancelled or expired (exit 3)]' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(approve)
_arguments "${_arguments_options[@]}" : \
'--reason=[Why, for the audit log]:REASON:_default' \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':id -- The promotion request:_default' \
&& ret=0
;;
(reject)
_arguments "${_arguments_options[@]}" : \
'--reason=[Why\: the requester reads it]:REASON:_default' \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':id -- The promotion request:_default' \
&& ret=0
;;
(promotion)
_arguments "${_arguments_options[@]}" : \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_facetctl__subcmd__promotion_commands" \
"*::: :->promotion" \
&& ret=0

    case $state in
    (promotion)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:facetctl-promotion-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
'--integration=[Only this integration'\''s requests]:INTEGRATION:_default' \
'--state=[Only requests in this state\: awaiting-approval, approved, executing, done, rejected, failed, cancelled, expired]:STATE:(awaiting-approval approved executing done rejected failed cancelled expired)' \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(show)
_arguments "${_arguments_options[@]}" : \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':id -- The promotion request:_default' \
&& ret=0
;;
(cancel)
_arguments "${_arguments_options[@]}" : \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':id -- The promotion request:_default' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_facetctl__subcmd__promotion__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:facetctl-promotion-help-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(show)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(cancel)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(rollback)
_arguments "${_arguments_options[@]}" : \
'--integration=[The integration whose bucket to roll back]:INTEGRATION:_default' \
'--bucket=[The bucket whose moving tag goes back]:BUCKET:_default' \
'--to=[The artifact to go back to (default\: the bucket'\''s previous head)]:ARTIFACT_ID:_default' \
'--reason=[Why, kept with the record (required with --force)]:REASON:_default' \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--force[Go through a freeze (admin or release manager); needs --reason, audited]' \
'--dry-run[Say what would change, and change nothing]' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(verify)
_arguments "${_arguments_options[@]}" : \
'--integration=[Check this integration only (default\: all)]:INTEGRATION:_default' \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--repair[Put each differing tag back on what the record says (under the bucket'\''s lease; audited)]' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(status)
_arguments "${_arguments_options[@]}" : \
'--integration=[Only this integration'\''s buckets]:INTEGRATION:_default' \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(history)
_arguments "${_arguments_options[@]}" : \
'--integration=[The integration whose history to show]:INTEGRATION:_default' \
'--bucket=[Only this bucket'\''s events]:BUCKET:_default' \
'--limit=[At most this many events, newest first]:LIMIT:_default' \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(audit)
_arguments "${_arguments_options[@]}" : \
'--actor=[Only this person'\''s changes]:ACTOR:_default' \
'--since=[Only events at or after this time (RFC 3339, or a date YYYY-MM-DD)]:SINCE:_default' \
'--limit=[At most this many events, newest first]:LIMIT:_default' \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(login)
_arguments "${_arguments_options[@]}" : \
'--url=[The control plane'\''s URL, e.g. https\://facets.example.com]:URL:_default' \
'--username=[Your user name on the control plane (on Facets, your email)]:USERNAME:_default' \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--token-stdin[Read the personal access token from stdin (else FACETS_TOKEN)]' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(logout)
_arguments "${_arguments_options[@]}" : \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(whoami)
_arguments "${_arguments_options[@]}" : \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(server)
_arguments "${_arguments_options[@]}" : \
'--listen=[Where to listen]:LISTEN:_default' \
'--database=[sqlite\:PATH or postgres\://USER@HOST/DB (default\: sqlite in FACETCTL_HOME). Put a password in FACETCTL_DATABASE_URL or PGPASSWORD, never in an argument]:DATABASE:_default' \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_facetctl__subcmd__server_commands" \
"*::: :->server" \
&& ret=0

    case $state in
    (server)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:facetctl-server-command-$line[1]:"
        case $line[1] in
            (users)
_arguments "${_arguments_options[@]}" : \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_facetctl__subcmd__server__subcmd__users_commands" \
"*::: :->users" \
&& ret=0

    case $state in
    (users)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:facetctl-server-users-command-$line[1]:"
        case $line[1] in
            (add)
_arguments "${_arguments_options[@]}" : \
'--role=[What they may do\: viewer, developer, release-manager or admin]:ROLE:(viewer developer release-manager admin)' \
'--database=[sqlite\:PATH or postgres\://USER@HOST/DB (default\: sqlite in FACETCTL_HOME). Put a password in FACETCTL_DATABASE_URL or PGPASSWORD, never in an argument]:DATABASE:_default' \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- The user'\''s name, or email address as Facets'\'' clients sign in:_default' \
&& ret=0
;;
(revoke)
_arguments "${_arguments_options[@]}" : \
'--database=[sqlite\:PATH or postgres\://USER@HOST/DB (default\: sqlite in FACETCTL_HOME). Put a password in FACETCTL_DATABASE_URL or PGPASSWORD, never in an argument]:DATABASE:_default' \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- The user whose token stops working now:_default' \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
'--database=[sqlite\:PATH or postgres\://USER@HOST/DB (default\: sqlite in FACETCTL_HOME). Put a password in FACETCTL_DATABASE_URL or PGPASSWORD, never in an argument]:DATABASE:_default' \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_facetctl__subcmd__server__subcmd__users__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:facetctl-server-users-help-command-$line[1]:"
        case $line[1] in
            (add)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(revoke)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_facetctl__subcmd__server__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:facetctl-server-help-command-$line[1]:"
        case $line[1] in
            (users)
_arguments "${_arguments_options[@]}" : \
":: :_facetctl__subcmd__server__subcmd__help__subcmd__users_commands" \
"*::: :->users" \
&& ret=0

    case $state in
    (users)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:facetctl-server-help-users-command-$line[1]:"
        case $line[1] in
            (add)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(revoke)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(man)
_arguments "${_arguments_options[@]}" : \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::command -- The command whose page to print, e.g. promote, or registry add; none for facetctl'\''s own:_default' \
&& ret=0
;;
(completions)
_arguments "${_arguments_options[@]}" : \
'-o+[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--output=[How results print on stdout]:OUTPUT:((table\:"A table that fits the terminal\: digests shortened to sha256 and 12 hex digits"
wide\:"A table with every value whole\: full digests"
json\:""
yaml\:""))' \
'--api-url=[Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN]:URL:_default' \
'--profile=[Use a profile saved by \`facetctl login --profile P\`]:PROFILE:_default' \
'--lock-timeout=[How long to wait for another facetctl writing into the same bucket]:SECONDS:_default' \
'--no-input[Never prompt. (No command prompts today\: secrets come on stdin or from the environment.)]' \
'(-v --verbose)-q[Print only results and errors]' \
'(-v --verbose)--quiet[Print only results and errors]' \
'*-v[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'*--verbose[Say more on stderr (-v\: steps and credential sources; -vv\: HTTP detail)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':shell -- The shell to print the script for:(bash elvish fish powershell zsh)' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_facetctl__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:facetctl-help-command-$line[1]:"
        case $line[1] in
            (release-stream)
_arguments "${_arguments_options[@]}" : \
":: :_facetctl__subcmd__help__subcmd__release-stream_commands" \
"*::: :->release-stream" \
&& ret=0

    case $state in
    (release-stream)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:facetctl-help-release-stream-command-$line[1]:"
        case $line[1] in
            (create)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(environment)
_arguments "${_arguments_options[@]}" : \
":: :_facetctl__subcmd__help__subcmd__environment_commands" \
"*::: :->environment" \
&& ret=0

    case $state in
    (environment)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:facetctl-help-environment-command-$line[1]:"
        case $line[1] in
            (create)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(registry)
_arguments "${_arguments_options[@]}" : \
":: :_facetctl__subcmd__help__subcmd__registry_commands" \
"*::: :->registry" \
&& ret=0

    case $state in
    (registry)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:facetctl-help-registry-command-$line[1]:"
        case $line[1] in
            (add)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(show)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(remove)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(check)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(login)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(logout)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(workflow)
_arguments "${_arguments_options[@]}" : \
":: :_facetctl__subcmd__help__subcmd__workflow_commands" \
"*::: :->workflow" \
&& ret=0

    case $state in
    (workflow)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:facetctl-help-workflow-command-$line[1]:"
        case $line[1] in
            (create)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(show)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(update)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(delete)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(integration)
_arguments "${_arguments_options[@]}" : \
":: :_facetctl__subcmd__help__subcmd__integration_commands" \
"*::: :->integration" \
&& ret=0

    case $state in
    (integration)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:facetctl-help-integration-command-$line[1]:"
        case $line[1] in
            (create)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(show)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(update)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(delete)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(rule)
_arguments "${_arguments_options[@]}" : \
":: :_facetctl__subcmd__help__subcmd__rule_commands" \
"*::: :->rule" \
&& ret=0

    case $state in
    (rule)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:facetctl-help-rule-command-$line[1]:"
        case $line[1] in
            (create)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(show)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(update)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(delete)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(test)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(freeze)
_arguments "${_arguments_options[@]}" : \
":: :_facetctl__subcmd__help__subcmd__freeze_commands" \
"*::: :->freeze" \
&& ret=0

    case $state in
    (freeze)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:facetctl-help-freeze-command-$line[1]:"
        case $line[1] in
            (create)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(end)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(artifact)
_arguments "${_arguments_options[@]}" : \
":: :_facetctl__subcmd__help__subcmd__artifact_commands" \
"*::: :->artifact" \
&& ret=0

    case $state in
    (artifact)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:facetctl-help-artifact-command-$line[1]:"
        case $line[1] in
            (push)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(register)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(show)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(promote)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(approve)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(reject)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(promotion)
_arguments "${_arguments_options[@]}" : \
":: :_facetctl__subcmd__help__subcmd__promotion_commands" \
"*::: :->promotion" \
&& ret=0

    case $state in
    (promotion)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:facetctl-help-promotion-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(show)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(cancel)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(rollback)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(verify)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(status)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(history)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(audit)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(login)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(logout)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(whoami)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(server)
_arguments "${_arguments_options[@]}" : \
":: :_facetctl__subcmd__help__subcmd__server_commands" \
"*::: :->server" \
&& ret=0

    case $state in
    (server)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:facetctl-help-server-command-$line[1]:"
        case $line[1] in
            (users)
_arguments "${_arguments_options[@]}" : \
":: :_facetctl__subcmd__help__subcmd__server__subcmd__users_commands" \
"*::: :->users" \
&& ret=0

    case $state in
    (users)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:facetctl-help-server-users-command-$line[1]:"
        case $line[1] in
            (add)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(revoke)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(man)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(completions)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
}

(( $+functions[_facetctl_commands] )) ||
_facetctl_commands() {
    local commands; commands=(
'release-stream:Release streams\: named lines of releases (QA, PRODUCTION)' \
'environment:Environments\: where a release stream runs (qa, staging, production)' \
'registry:Container registries that integrations keep their images in' \
'workflow:Promotion workflows\: the ordered stages artifacts move through' \
'integration:CI integrations\: one service'\''s images, one bucket per stage' \
'rule:Routing rules\: which bucket a push that names none goes to, by its branch or metadata' \
'freeze:Freeze windows\: times in which a bucket does not move' \
'artifact:Push, register and list artifacts' \
'promote:Promote a bucket'\''s artifact to the next stage of the workflow' \
'approve:Approve a promotion request into a gated stage; the last approval moves it' \
'reject:Reject a promotion request, with a reason' \
'promotion:Promotion requests into gated stages\: list, show, cancel' \
'rollback:Point a bucket back at one of its earlier artifacts' \
'verify:Compare every bucket'\''s tags in the registry with the records (exit 3 on any difference)' \
'status:What runs where\: every bucket'\''s current artifact, who put it there and when, freezes and waiting requests' \
'history:Each bucket'\''s artifacts over time\: pushes, promotions, rollbacks' \
'audit:The append-only log of every change and who made it' \
'login:Log in to a control plane (a facetctl server or Facets); later commands use it' \
'logout:Forget a login; commands go back to the embedded control plane' \
'whoami:Who changes are recorded as, and on which control plane' \
'server:Serve the control plane to a team over HTTP (the Facets API), on SQLite or PostgreSQL' \
'man:Print a man page (roff)\: facetctl'\''s, or one command'\''s, e.g. \`facetctl man promote | man -l -\`' \
'completions:Print a shell completion script' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'facetctl commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__approve_commands] )) ||
_facetctl__subcmd__approve_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl approve commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__artifact_commands] )) ||
_facetctl__subcmd__artifact_commands() {
    local commands; commands=(
'push:Copy an image into a bucket, pin its digest and record it' \
'register:Record an image that is already in the integration'\''s registry' \
'list:List an integration'\''s artifacts, newest first' \
'show:Show one artifact\: where it is, its digest, tag, metadata, and where it came from' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'facetctl artifact commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__artifact__subcmd__help_commands] )) ||
_facetctl__subcmd__artifact__subcmd__help_commands() {
    local commands; commands=(
'push:Copy an image into a bucket, pin its digest and record it' \
'register:Record an image that is already in the integration'\''s registry' \
'list:List an integration'\''s artifacts, newest first' \
'show:Show one artifact\: where it is, its digest, tag, metadata, and where it came from' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'facetctl artifact help commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__artifact__subcmd__help__subcmd__help_commands] )) ||
_facetctl__subcmd__artifact__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl artifact help help commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__artifact__subcmd__help__subcmd__list_commands] )) ||
_facetctl__subcmd__artifact__subcmd__help__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl artifact help list commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__artifact__subcmd__help__subcmd__push_commands] )) ||
_facetctl__subcmd__artifact__subcmd__help__subcmd__push_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl artifact help push commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__artifact__subcmd__help__subcmd__register_commands] )) ||
_facetctl__subcmd__artifact__subcmd__help__subcmd__register_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl artifact help register commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__artifact__subcmd__help__subcmd__show_commands] )) ||
_facetctl__subcmd__artifact__subcmd__help__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl artifact help show commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__artifact__subcmd__list_commands] )) ||
_facetctl__subcmd__artifact__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl artifact list commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__artifact__subcmd__push_commands] )) ||
_facetctl__subcmd__artifact__subcmd__push_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl artifact push commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__artifact__subcmd__register_commands] )) ||
_facetctl__subcmd__artifact__subcmd__register_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl artifact register commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__artifact__subcmd__show_commands] )) ||
_facetctl__subcmd__artifact__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl artifact show commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__audit_commands] )) ||
_facetctl__subcmd__audit_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl audit commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__completions_commands] )) ||
_facetctl__subcmd__completions_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl completions commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__environment_commands] )) ||
_facetctl__subcmd__environment_commands() {
    local commands; commands=(
'create:Create an environment in a release stream' \
'list:List environments' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'facetctl environment commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__environment__subcmd__create_commands] )) ||
_facetctl__subcmd__environment__subcmd__create_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl environment create commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__environment__subcmd__help_commands] )) ||
_facetctl__subcmd__environment__subcmd__help_commands() {
    local commands; commands=(
'create:Create an environment in a release stream' \
'list:List environments' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'facetctl environment help commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__environment__subcmd__help__subcmd__create_commands] )) ||
_facetctl__subcmd__environment__subcmd__help__subcmd__create_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl environment help create commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__environment__subcmd__help__subcmd__help_commands] )) ||
_facetctl__subcmd__environment__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl environment help help commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__environment__subcmd__help__subcmd__list_commands] )) ||
_facetctl__subcmd__environment__subcmd__help__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl environment help list commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__environment__subcmd__list_commands] )) ||
_facetctl__subcmd__environment__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl environment list commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__freeze_commands] )) ||
_facetctl__subcmd__freeze_commands() {
    local commands; commands=(
'create:Freeze a bucket\: pushes, promotions and rollbacks into it are refused while the window holds' \
'list:The freezes in force, whether or not their window holds now' \
'end:End a freeze now; it stays in the audit log' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'facetctl freeze commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__freeze__subcmd__create_commands] )) ||
_facetctl__subcmd__freeze__subcmd__create_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl freeze create commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__freeze__subcmd__end_commands] )) ||
_facetctl__subcmd__freeze__subcmd__end_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl freeze end commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__freeze__subcmd__help_commands] )) ||
_facetctl__subcmd__freeze__subcmd__help_commands() {
    local commands; commands=(
'create:Freeze a bucket\: pushes, promotions and rollbacks into it are refused while the window holds' \
'list:The freezes in force, whether or not their window holds now' \
'end:End a freeze now; it stays in the audit log' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'facetctl freeze help commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__freeze__subcmd__help__subcmd__create_commands] )) ||
_facetctl__subcmd__freeze__subcmd__help__subcmd__create_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl freeze help create commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__freeze__subcmd__help__subcmd__end_commands] )) ||
_facetctl__subcmd__freeze__subcmd__help__subcmd__end_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl freeze help end commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__freeze__subcmd__help__subcmd__help_commands] )) ||
_facetctl__subcmd__freeze__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl freeze help help commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__freeze__subcmd__help__subcmd__list_commands] )) ||
_facetctl__subcmd__freeze__subcmd__help__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl freeze help list commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__freeze__subcmd__list_commands] )) ||
_facetctl__subcmd__freeze__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl freeze list commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help_commands] )) ||
_facetctl__subcmd__help_commands() {
    local commands; commands=(
'release-stream:Release streams\: named lines of releases (QA, PRODUCTION)' \
'environment:Environments\: where a release stream runs (qa, staging, production)' \
'registry:Container registries that integrations keep their images in' \
'workflow:Promotion workflows\: the ordered stages artifacts move through' \
'integration:CI integrations\: one service'\''s images, one bucket per stage' \
'rule:Routing rules\: which bucket a push that names none goes to, by its branch or metadata' \
'freeze:Freeze windows\: times in which a bucket does not move' \
'artifact:Push, register and list artifacts' \
'promote:Promote a bucket'\''s artifact to the next stage of the workflow' \
'approve:Approve a promotion request into a gated stage; the last approval moves it' \
'reject:Reject a promotion request, with a reason' \
'promotion:Promotion requests into gated stages\: list, show, cancel' \
'rollback:Point a bucket back at one of its earlier artifacts' \
'verify:Compare every bucket'\''s tags in the registry with the records (exit 3 on any difference)' \
'status:What runs where\: every bucket'\''s current artifact, who put it there and when, freezes and waiting requests' \
'history:Each bucket'\''s artifacts over time\: pushes, promotions, rollbacks' \
'audit:The append-only log of every change and who made it' \
'login:Log in to a control plane (a facetctl server or Facets); later commands use it' \
'logout:Forget a login; commands go back to the embedded control plane' \
'whoami:Who changes are recorded as, and on which control plane' \
'server:Serve the control plane to a team over HTTP (the Facets API), on SQLite or PostgreSQL' \
'man:Print a man page (roff)\: facetctl'\''s, or one command'\''s, e.g. \`facetctl man promote | man -l -\`' \
'completions:Print a shell completion script' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'facetctl help commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__approve_commands] )) ||
_facetctl__subcmd__help__subcmd__approve_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help approve commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__artifact_commands] )) ||
_facetctl__subcmd__help__subcmd__artifact_commands() {
    local commands; commands=(
'push:Copy an image into a bucket, pin its digest and record it' \
'register:Record an image that is already in the integration'\''s registry' \
'list:List an integration'\''s artifacts, newest first' \
'show:Show one artifact\: where it is, its digest, tag, metadata, and where it came from' \
    )
    _describe -t commands 'facetctl help artifact commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__artifact__subcmd__list_commands] )) ||
_facetctl__subcmd__help__subcmd__artifact__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help artifact list commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__artifact__subcmd__push_commands] )) ||
_facetctl__subcmd__help__subcmd__artifact__subcmd__push_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help artifact push commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__artifact__subcmd__register_commands] )) ||
_facetctl__subcmd__help__subcmd__artifact__subcmd__register_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help artifact register commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__artifact__subcmd__show_commands] )) ||
_facetctl__subcmd__help__subcmd__artifact__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help artifact show commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__audit_commands] )) ||
_facetctl__subcmd__help__subcmd__audit_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help audit commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__completions_commands] )) ||
_facetctl__subcmd__help__subcmd__completions_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help completions commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__environment_commands] )) ||
_facetctl__subcmd__help__subcmd__environment_commands() {
    local commands; commands=(
'create:Create an environment in a release stream' \
'list:List environments' \
    )
    _describe -t commands 'facetctl help environment commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__environment__subcmd__create_commands] )) ||
_facetctl__subcmd__help__subcmd__environment__subcmd__create_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help environment create commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__environment__subcmd__list_commands] )) ||
_facetctl__subcmd__help__subcmd__environment__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help environment list commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__freeze_commands] )) ||
_facetctl__subcmd__help__subcmd__freeze_commands() {
    local commands; commands=(
'create:Freeze a bucket\: pushes, promotions and rollbacks into it are refused while the window holds' \
'list:The freezes in force, whether or not their window holds now' \
'end:End a freeze now; it stays in the audit log' \
    )
    _describe -t commands 'facetctl help freeze commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__freeze__subcmd__create_commands] )) ||
_facetctl__subcmd__help__subcmd__freeze__subcmd__create_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help freeze create commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__freeze__subcmd__end_commands] )) ||
_facetctl__subcmd__help__subcmd__freeze__subcmd__end_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help freeze end commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__freeze__subcmd__list_commands] )) ||
_facetctl__subcmd__help__subcmd__freeze__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help freeze list commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__help_commands] )) ||
_facetctl__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help help commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__history_commands] )) ||
_facetctl__subcmd__help__subcmd__history_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help history commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__integration_commands] )) ||
_facetctl__subcmd__help__subcmd__integration_commands() {
    local commands; commands=(
'create:Create a CI integration' \
'list:List integrations' \
'show:Show one integration' \
'update:Attach a workflow or a routing rule to an integration, or detach them' \
'delete:Delete an integration that has recorded no artifact' \
    )
    _describe -t commands 'facetctl help integration commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__integration__subcmd__create_commands] )) ||
_facetctl__subcmd__help__subcmd__integration__subcmd__create_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help integration create commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__integration__subcmd__delete_commands] )) ||
_facetctl__subcmd__help__subcmd__integration__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help integration delete commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__integration__subcmd__list_commands] )) ||
_facetctl__subcmd__help__subcmd__integration__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help integration list commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__integration__subcmd__show_commands] )) ||
_facetctl__subcmd__help__subcmd__integration__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help integration show commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__integration__subcmd__update_commands] )) ||
_facetctl__subcmd__help__subcmd__integration__subcmd__update_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help integration update commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__login_commands] )) ||
_facetctl__subcmd__help__subcmd__login_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help login commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__logout_commands] )) ||
_facetctl__subcmd__help__subcmd__logout_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help logout commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__man_commands] )) ||
_facetctl__subcmd__help__subcmd__man_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help man commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__promote_commands] )) ||
_facetctl__subcmd__help__subcmd__promote_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help promote commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__promotion_commands] )) ||
_facetctl__subcmd__help__subcmd__promotion_commands() {
    local commands; commands=(
'list:Promotion requests, newest first' \
'show:One request\: who asked, who approved, the digest, the times' \
'cancel:Withdraw a request (its requester, or an admin)' \
    )
    _describe -t commands 'facetctl help promotion commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__promotion__subcmd__cancel_commands] )) ||
_facetctl__subcmd__help__subcmd__promotion__subcmd__cancel_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help promotion cancel commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__promotion__subcmd__list_commands] )) ||
_facetctl__subcmd__help__subcmd__promotion__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help promotion list commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__promotion__subcmd__show_commands] )) ||
_facetctl__subcmd__help__subcmd__promotion__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help promotion show commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__registry_commands] )) ||
_facetctl__subcmd__help__subcmd__registry_commands() {
    local commands; commands=(
'add:Register a container registry. The password is read from stdin, never from an argument' \
'list:List registries (secrets are never shown)' \
'show:Show one registry' \
'remove:Remove a registry that no integration uses, and its stored secret' \
'check:Check that the registry answers and accepts the credentials' \
'login:Save your own credentials for a registry in the OS keyring, after checking them' \
'logout:Forget the credentials \`registry login\` saved' \
    )
    _describe -t commands 'facetctl help registry commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__registry__subcmd__add_commands] )) ||
_facetctl__subcmd__help__subcmd__registry__subcmd__add_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help registry add commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__registry__subcmd__check_commands] )) ||
_facetctl__subcmd__help__subcmd__registry__subcmd__check_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help registry check commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__registry__subcmd__list_commands] )) ||
_facetctl__subcmd__help__subcmd__registry__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help registry list commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__registry__subcmd__login_commands] )) ||
_facetctl__subcmd__help__subcmd__registry__subcmd__login_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help registry login commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__registry__subcmd__logout_commands] )) ||
_facetctl__subcmd__help__subcmd__registry__subcmd__logout_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help registry logout commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__registry__subcmd__remove_commands] )) ||
_facetctl__subcmd__help__subcmd__registry__subcmd__remove_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help registry remove commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__registry__subcmd__show_commands] )) ||
_facetctl__subcmd__help__subcmd__registry__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help registry show commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__reject_commands] )) ||
_facetctl__subcmd__help__subcmd__reject_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help reject commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__release-stream_commands] )) ||
_facetctl__subcmd__help__subcmd__release-stream_commands() {
    local commands; commands=(
'create:Create a release stream' \
'list:List release streams' \
    )
    _describe -t commands 'facetctl help release-stream commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__release-stream__subcmd__create_commands] )) ||
_facetctl__subcmd__help__subcmd__release-stream__subcmd__create_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help release-stream create commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__release-stream__subcmd__list_commands] )) ||
_facetctl__subcmd__help__subcmd__release-stream__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help release-stream list commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__rollback_commands] )) ||
_facetctl__subcmd__help__subcmd__rollback_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help rollback commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__rule_commands] )) ||
_facetctl__subcmd__help__subcmd__rule_commands() {
    local commands; commands=(
'create:Create a routing rule\: criteria tried in the order given, the first match choosing the bucket' \
'list:List routing rules' \
'show:Show one routing rule with its criteria' \
'update:Give a routing rule new criteria, replacing the old' \
'delete:Delete a routing rule that no integration uses' \
'test:Say where a rule routes an artifact with this metadata' \
    )
    _describe -t commands 'facetctl help rule commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__rule__subcmd__create_commands] )) ||
_facetctl__subcmd__help__subcmd__rule__subcmd__create_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help rule create commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__rule__subcmd__delete_commands] )) ||
_facetctl__subcmd__help__subcmd__rule__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help rule delete commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__rule__subcmd__list_commands] )) ||
_facetctl__subcmd__help__subcmd__rule__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help rule list commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__rule__subcmd__show_commands] )) ||
_facetctl__subcmd__help__subcmd__rule__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help rule show commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__rule__subcmd__test_commands] )) ||
_facetctl__subcmd__help__subcmd__rule__subcmd__test_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help rule test commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__rule__subcmd__update_commands] )) ||
_facetctl__subcmd__help__subcmd__rule__subcmd__update_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help rule update commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__server_commands] )) ||
_facetctl__subcmd__help__subcmd__server_commands() {
    local commands; commands=(
'users:The server'\''s users and their tokens' \
    )
    _describe -t commands 'facetctl help server commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__server__subcmd__users_commands] )) ||
_facetctl__subcmd__help__subcmd__server__subcmd__users_commands() {
    local commands; commands=(
'add:Add a user; prints their new token once, on stdout' \
'revoke:Revoke a user'\''s token at once' \
'list:List users and whether their tokens work' \
    )
    _describe -t commands 'facetctl help server users commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__server__subcmd__users__subcmd__add_commands] )) ||
_facetctl__subcmd__help__subcmd__server__subcmd__users__subcmd__add_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help server users add commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__server__subcmd__users__subcmd__list_commands] )) ||
_facetctl__subcmd__help__subcmd__server__subcmd__users__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help server users list commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__server__subcmd__users__subcmd__revoke_commands] )) ||
_facetctl__subcmd__help__subcmd__server__subcmd__users__subcmd__revoke_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help server users revoke commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__status_commands] )) ||
_facetctl__subcmd__help__subcmd__status_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help status commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__verify_commands] )) ||
_facetctl__subcmd__help__subcmd__verify_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help verify commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__whoami_commands] )) ||
_facetctl__subcmd__help__subcmd__whoami_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help whoami commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__workflow_commands] )) ||
_facetctl__subcmd__help__subcmd__workflow_commands() {
    local commands; commands=(
'create:Create a promotion workflow' \
'list:List workflows' \
'show:Show one workflow' \
'update:Give a workflow new stages, and gates; promotions from then on follow them' \
'delete:Delete a workflow that no integration uses' \
    )
    _describe -t commands 'facetctl help workflow commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__workflow__subcmd__create_commands] )) ||
_facetctl__subcmd__help__subcmd__workflow__subcmd__create_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help workflow create commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__workflow__subcmd__delete_commands] )) ||
_facetctl__subcmd__help__subcmd__workflow__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help workflow delete commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__workflow__subcmd__list_commands] )) ||
_facetctl__subcmd__help__subcmd__workflow__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help workflow list commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__workflow__subcmd__show_commands] )) ||
_facetctl__subcmd__help__subcmd__workflow__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help workflow show commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__help__subcmd__workflow__subcmd__update_commands] )) ||
_facetctl__subcmd__help__subcmd__workflow__subcmd__update_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl help workflow update commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__history_commands] )) ||
_facetctl__subcmd__history_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl history commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__integration_commands] )) ||
_facetctl__subcmd__integration_commands() {
    local commands; commands=(
'create:Create a CI integration' \
'list:List integrations' \
'show:Show one integration' \
'update:Attach a workflow or a routing rule to an integration, or detach them' \
'delete:Delete an integration that has recorded no artifact' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'facetctl integration commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__integration__subcmd__create_commands] )) ||
_facetctl__subcmd__integration__subcmd__create_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl integration create commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__integration__subcmd__delete_commands] )) ||
_facetctl__subcmd__integration__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl integration delete commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__integration__subcmd__help_commands] )) ||
_facetctl__subcmd__integration__subcmd__help_commands() {
    local commands; commands=(
'create:Create a CI integration' \
'list:List integrations' \
'show:Show one integration' \
'update:Attach a workflow or a routing rule to an integration, or detach them' \
'delete:Delete an integration that has recorded no artifact' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'facetctl integration help commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__integration__subcmd__help__subcmd__create_commands] )) ||
_facetctl__subcmd__integration__subcmd__help__subcmd__create_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl integration help create commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__integration__subcmd__help__subcmd__delete_commands] )) ||
_facetctl__subcmd__integration__subcmd__help__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl integration help delete commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__integration__subcmd__help__subcmd__help_commands] )) ||
_facetctl__subcmd__integration__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl integration help help commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__integration__subcmd__help__subcmd__list_commands] )) ||
_facetctl__subcmd__integration__subcmd__help__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl integration help list commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__integration__subcmd__help__subcmd__show_commands] )) ||
_facetctl__subcmd__integration__subcmd__help__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl integration help show commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__integration__subcmd__help__subcmd__update_commands] )) ||
_facetctl__subcmd__integration__subcmd__help__subcmd__update_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl integration help update commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__integration__subcmd__list_commands] )) ||
_facetctl__subcmd__integration__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl integration list commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__integration__subcmd__show_commands] )) ||
_facetctl__subcmd__integration__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl integration show commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__integration__subcmd__update_commands] )) ||
_facetctl__subcmd__integration__subcmd__update_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl integration update commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__login_commands] )) ||
_facetctl__subcmd__login_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl login commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__logout_commands] )) ||
_facetctl__subcmd__logout_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl logout commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__man_commands] )) ||
_facetctl__subcmd__man_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl man commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__promote_commands] )) ||
_facetctl__subcmd__promote_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl promote commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__promotion_commands] )) ||
_facetctl__subcmd__promotion_commands() {
    local commands; commands=(
'list:Promotion requests, newest first' \
'show:One request\: who asked, who approved, the digest, the times' \
'cancel:Withdraw a request (its requester, or an admin)' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'facetctl promotion commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__promotion__subcmd__cancel_commands] )) ||
_facetctl__subcmd__promotion__subcmd__cancel_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl promotion cancel commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__promotion__subcmd__help_commands] )) ||
_facetctl__subcmd__promotion__subcmd__help_commands() {
    local commands; commands=(
'list:Promotion requests, newest first' \
'show:One request\: who asked, who approved, the digest, the times' \
'cancel:Withdraw a request (its requester, or an admin)' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'facetctl promotion help commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__promotion__subcmd__help__subcmd__cancel_commands] )) ||
_facetctl__subcmd__promotion__subcmd__help__subcmd__cancel_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl promotion help cancel commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__promotion__subcmd__help__subcmd__help_commands] )) ||
_facetctl__subcmd__promotion__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl promotion help help commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__promotion__subcmd__help__subcmd__list_commands] )) ||
_facetctl__subcmd__promotion__subcmd__help__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl promotion help list commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__promotion__subcmd__help__subcmd__show_commands] )) ||
_facetctl__subcmd__promotion__subcmd__help__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl promotion help show commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__promotion__subcmd__list_commands] )) ||
_facetctl__subcmd__promotion__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl promotion list commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__promotion__subcmd__show_commands] )) ||
_facetctl__subcmd__promotion__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl promotion show commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__registry_commands] )) ||
_facetctl__subcmd__registry_commands() {
    local commands; commands=(
'add:Register a container registry. The password is read from stdin, never from an argument' \
'list:List registries (secrets are never shown)' \
'show:Show one registry' \
'remove:Remove a registry that no integration uses, and its stored secret' \
'check:Check that the registry answers and accepts the credentials' \
'login:Save your own credentials for a registry in the OS keyring, after checking them' \
'logout:Forget the credentials \`registry login\` saved' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'facetctl registry commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__registry__subcmd__add_commands] )) ||
_facetctl__subcmd__registry__subcmd__add_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl registry add commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__registry__subcmd__check_commands] )) ||
_facetctl__subcmd__registry__subcmd__check_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl registry check commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__registry__subcmd__help_commands] )) ||
_facetctl__subcmd__registry__subcmd__help_commands() {
    local commands; commands=(
'add:Register a container registry. The password is read from stdin, never from an argument' \
'list:List registries (secrets are never shown)' \
'show:Show one registry' \
'remove:Remove a registry that no integration uses, and its stored secret' \
'check:Check that the registry answers and accepts the credentials' \
'login:Save your own credentials for a registry in the OS keyring, after checking them' \
'logout:Forget the credentials \`registry login\` saved' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'facetctl registry help commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__registry__subcmd__help__subcmd__add_commands] )) ||
_facetctl__subcmd__registry__subcmd__help__subcmd__add_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl registry help add commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__registry__subcmd__help__subcmd__check_commands] )) ||
_facetctl__subcmd__registry__subcmd__help__subcmd__check_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl registry help check commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__registry__subcmd__help__subcmd__help_commands] )) ||
_facetctl__subcmd__registry__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl registry help help commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__registry__subcmd__help__subcmd__list_commands] )) ||
_facetctl__subcmd__registry__subcmd__help__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl registry help list commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__registry__subcmd__help__subcmd__login_commands] )) ||
_facetctl__subcmd__registry__subcmd__help__subcmd__login_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl registry help login commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__registry__subcmd__help__subcmd__logout_commands] )) ||
_facetctl__subcmd__registry__subcmd__help__subcmd__logout_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl registry help logout commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__registry__subcmd__help__subcmd__remove_commands] )) ||
_facetctl__subcmd__registry__subcmd__help__subcmd__remove_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl registry help remove commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__registry__subcmd__help__subcmd__show_commands] )) ||
_facetctl__subcmd__registry__subcmd__help__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl registry help show commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__registry__subcmd__list_commands] )) ||
_facetctl__subcmd__registry__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl registry list commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__registry__subcmd__login_commands] )) ||
_facetctl__subcmd__registry__subcmd__login_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl registry login commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__registry__subcmd__logout_commands] )) ||
_facetctl__subcmd__registry__subcmd__logout_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl registry logout commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__registry__subcmd__remove_commands] )) ||
_facetctl__subcmd__registry__subcmd__remove_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl registry remove commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__registry__subcmd__show_commands] )) ||
_facetctl__subcmd__registry__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl registry show commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__reject_commands] )) ||
_facetctl__subcmd__reject_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl reject commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__release-stream_commands] )) ||
_facetctl__subcmd__release-stream_commands() {
    local commands; commands=(
'create:Create a release stream' \
'list:List release streams' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'facetctl release-stream commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__release-stream__subcmd__create_commands] )) ||
_facetctl__subcmd__release-stream__subcmd__create_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl release-stream create commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__release-stream__subcmd__help_commands] )) ||
_facetctl__subcmd__release-stream__subcmd__help_commands() {
    local commands; commands=(
'create:Create a release stream' \
'list:List release streams' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'facetctl release-stream help commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__release-stream__subcmd__help__subcmd__create_commands] )) ||
_facetctl__subcmd__release-stream__subcmd__help__subcmd__create_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl release-stream help create commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__release-stream__subcmd__help__subcmd__help_commands] )) ||
_facetctl__subcmd__release-stream__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl release-stream help help commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__release-stream__subcmd__help__subcmd__list_commands] )) ||
_facetctl__subcmd__release-stream__subcmd__help__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl release-stream help list commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__release-stream__subcmd__list_commands] )) ||
_facetctl__subcmd__release-stream__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl release-stream list commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__rollback_commands] )) ||
_facetctl__subcmd__rollback_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl rollback commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__rule_commands] )) ||
_facetctl__subcmd__rule_commands() {
    local commands; commands=(
'create:Create a routing rule\: criteria tried in the order given, the first match choosing the bucket' \
'list:List routing rules' \
'show:Show one routing rule with its criteria' \
'update:Give a routing rule new criteria, replacing the old' \
'delete:Delete a routing rule that no integration uses' \
'test:Say where a rule routes an artifact with this metadata' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'facetctl rule commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__rule__subcmd__create_commands] )) ||
_facetctl__subcmd__rule__subcmd__create_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl rule create commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__rule__subcmd__delete_commands] )) ||
_facetctl__subcmd__rule__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl rule delete commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__rule__subcmd__help_commands] )) ||
_facetctl__subcmd__rule__subcmd__help_commands() {
    local commands; commands=(
'create:Create a routing rule\: criteria tried in the order given, the first match choosing the bucket' \
'list:List routing rules' \
'show:Show one routing rule with its criteria' \
'update:Give a routing rule new criteria, replacing the old' \
'delete:Delete a routing rule that no integration uses' \
'test:Say where a rule routes an artifact with this metadata' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'facetctl rule help commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__rule__subcmd__help__subcmd__create_commands] )) ||
_facetctl__subcmd__rule__subcmd__help__subcmd__create_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl rule help create commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__rule__subcmd__help__subcmd__delete_commands] )) ||
_facetctl__subcmd__rule__subcmd__help__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl rule help delete commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__rule__subcmd__help__subcmd__help_commands] )) ||
_facetctl__subcmd__rule__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl rule help help commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__rule__subcmd__help__subcmd__list_commands] )) ||
_facetctl__subcmd__rule__subcmd__help__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl rule help list commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__rule__subcmd__help__subcmd__show_commands] )) ||
_facetctl__subcmd__rule__subcmd__help__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl rule help show commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__rule__subcmd__help__subcmd__test_commands] )) ||
_facetctl__subcmd__rule__subcmd__help__subcmd__test_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl rule help test commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__rule__subcmd__help__subcmd__update_commands] )) ||
_facetctl__subcmd__rule__subcmd__help__subcmd__update_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl rule help update commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__rule__subcmd__list_commands] )) ||
_facetctl__subcmd__rule__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl rule list commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__rule__subcmd__show_commands] )) ||
_facetctl__subcmd__rule__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl rule show commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__rule__subcmd__test_commands] )) ||
_facetctl__subcmd__rule__subcmd__test_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl rule test commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__rule__subcmd__update_commands] )) ||
_facetctl__subcmd__rule__subcmd__update_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl rule update commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__server_commands] )) ||
_facetctl__subcmd__server_commands() {
    local commands; commands=(
'users:The server'\''s users and their tokens' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'facetctl server commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__server__subcmd__help_commands] )) ||
_facetctl__subcmd__server__subcmd__help_commands() {
    local commands; commands=(
'users:The server'\''s users and their tokens' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'facetctl server help commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__server__subcmd__help__subcmd__help_commands] )) ||
_facetctl__subcmd__server__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl server help help commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__server__subcmd__help__subcmd__users_commands] )) ||
_facetctl__subcmd__server__subcmd__help__subcmd__users_commands() {
    local commands; commands=(
'add:Add a user; prints their new token once, on stdout' \
'revoke:Revoke a user'\''s token at once' \
'list:List users and whether their tokens work' \
    )
    _describe -t commands 'facetctl server help users commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__server__subcmd__help__subcmd__users__subcmd__add_commands] )) ||
_facetctl__subcmd__server__subcmd__help__subcmd__users__subcmd__add_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl server help users add commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__server__subcmd__help__subcmd__users__subcmd__list_commands] )) ||
_facetctl__subcmd__server__subcmd__help__subcmd__users__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl server help users list commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__server__subcmd__help__subcmd__users__subcmd__revoke_commands] )) ||
_facetctl__subcmd__server__subcmd__help__subcmd__users__subcmd__revoke_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl server help users revoke commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__server__subcmd__users_commands] )) ||
_facetctl__subcmd__server__subcmd__users_commands() {
    local commands; commands=(
'add:Add a user; prints their new token once, on stdout' \
'revoke:Revoke a user'\''s token at once' \
'list:List users and whether their tokens work' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'facetctl server users commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__server__subcmd__users__subcmd__add_commands] )) ||
_facetctl__subcmd__server__subcmd__users__subcmd__add_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl server users add commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__server__subcmd__users__subcmd__help_commands] )) ||
_facetctl__subcmd__server__subcmd__users__subcmd__help_commands() {
    local commands; commands=(
'add:Add a user; prints their new token once, on stdout' \
'revoke:Revoke a user'\''s token at once' \
'list:List users and whether their tokens work' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'facetctl server users help commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__server__subcmd__users__subcmd__help__subcmd__add_commands] )) ||
_facetctl__subcmd__server__subcmd__users__subcmd__help__subcmd__add_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl server users help add commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__server__subcmd__users__subcmd__help__subcmd__help_commands] )) ||
_facetctl__subcmd__server__subcmd__users__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl server users help help commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__server__subcmd__users__subcmd__help__subcmd__list_commands] )) ||
_facetctl__subcmd__server__subcmd__users__subcmd__help__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl server users help list commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__server__subcmd__users__subcmd__help__subcmd__revoke_commands] )) ||
_facetctl__subcmd__server__subcmd__users__subcmd__help__subcmd__revoke_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl server users help revoke commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__server__subcmd__users__subcmd__list_commands] )) ||
_facetctl__subcmd__server__subcmd__users__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl server users list commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__server__subcmd__users__subcmd__revoke_commands] )) ||
_facetctl__subcmd__server__subcmd__users__subcmd__revoke_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl server users revoke commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__status_commands] )) ||
_facetctl__subcmd__status_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl status commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__verify_commands] )) ||
_facetctl__subcmd__verify_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl verify commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__whoami_commands] )) ||
_facetctl__subcmd__whoami_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl whoami commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__workflow_commands] )) ||
_facetctl__subcmd__workflow_commands() {
    local commands; commands=(
'create:Create a promotion workflow' \
'list:List workflows' \
'show:Show one workflow' \
'update:Give a workflow new stages, and gates; promotions from then on follow them' \
'delete:Delete a workflow that no integration uses' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'facetctl workflow commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__workflow__subcmd__create_commands] )) ||
_facetctl__subcmd__workflow__subcmd__create_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl workflow create commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__workflow__subcmd__delete_commands] )) ||
_facetctl__subcmd__workflow__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl workflow delete commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__workflow__subcmd__help_commands] )) ||
_facetctl__subcmd__workflow__subcmd__help_commands() {
    local commands; commands=(
'create:Create a promotion workflow' \
'list:List workflows' \
'show:Show one workflow' \
'update:Give a workflow new stages, and gates; promotions from then on follow them' \
'delete:Delete a workflow that no integration uses' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'facetctl workflow help commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__workflow__subcmd__help__subcmd__create_commands] )) ||
_facetctl__subcmd__workflow__subcmd__help__subcmd__create_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl workflow help create commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__workflow__subcmd__help__subcmd__delete_commands] )) ||
_facetctl__subcmd__workflow__subcmd__help__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl workflow help delete commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__workflow__subcmd__help__subcmd__help_commands] )) ||
_facetctl__subcmd__workflow__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl workflow help help commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__workflow__subcmd__help__subcmd__list_commands] )) ||
_facetctl__subcmd__workflow__subcmd__help__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl workflow help list commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__workflow__subcmd__help__subcmd__show_commands] )) ||
_facetctl__subcmd__workflow__subcmd__help__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl workflow help show commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__workflow__subcmd__help__subcmd__update_commands] )) ||
_facetctl__subcmd__workflow__subcmd__help__subcmd__update_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl workflow help update commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__workflow__subcmd__list_commands] )) ||
_facetctl__subcmd__workflow__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl workflow list commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__workflow__subcmd__show_commands] )) ||
_facetctl__subcmd__workflow__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl workflow show commands' commands "$@"
}
(( $+functions[_facetctl__subcmd__workflow__subcmd__update_commands] )) ||
_facetctl__subcmd__workflow__subcmd__update_commands() {
    local commands; commands=()
    _describe -t commands 'facetctl workflow update commands' commands "$@"
}

if [ "$funcstack[1]" = "_facetctl" ]; then
    _facetctl "$@"
else
    compdef _facetctl facetctl
fi
