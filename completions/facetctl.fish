# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_facetctl_global_optspecs
    string join \n o/output= no-input q/quiet v/verbose api-url= profile= lock-timeout= h/help V/version
end

function __fish_facetctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_facetctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_facetctl_using_subcommand
    set -l cmd (__fish_facetctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c facetctl -n "__fish_facetctl_needs_command" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_needs_command" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_needs_command" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_needs_command" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_needs_command" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_needs_command" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_needs_command" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_needs_command" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_needs_command" -f -a "release-stream" -d 'Release streams: named lines of releases (QA, PRODUCTION)'
complete -c facetctl -n "__fish_facetctl_needs_command" -f -a "environment" -d 'Environments: where a release stream runs (qa, staging, production)'
complete -c facetctl -n "__fish_facetctl_needs_command" -f -a "registry" -d 'Container registries that integrations keep their images in'
complete -c facetctl -n "__fish_facetctl_needs_command" -f -a "workflow" -d 'Promotion workflows: the ordered stages artifacts move through'
complete -c facetctl -n "__fish_facetctl_needs_command" -f -a "integration" -d 'CI integrations: one service\'s images, one bucket per stage'
complete -c facetctl -n "__fish_facetctl_needs_command" -f -a "rule" -d 'Routing rules: which bucket a push that names none goes to, by its branch or metadata'
complete -c facetctl -n "__fish_facetctl_needs_command" -f -a "freeze" -d 'Freeze windows: times in which a bucket does not move'
complete -c facetctl -n "__fish_facetctl_needs_command" -f -a "artifact" -d 'Push, register and list artifacts'
complete -c facetctl -n "__fish_facetctl_needs_command" -f -a "promote" -d 'Promote a bucket\'s artifact to the next stage of the workflow'
complete -c facetctl -n "__fish_facetctl_needs_command" -f -a "approve" -d 'Approve a promotion request into a gated stage; the last approval moves it'
complete -c facetctl -n "__fish_facetctl_needs_command" -f -a "reject" -d 'Reject a promotion request, with a reason'
complete -c facetctl -n "__fish_facetctl_needs_command" -f -a "promotion" -d 'Promotion requests into gated stages: list, show, cancel'
complete -c facetctl -n "__fish_facetctl_needs_command" -f -a "rollback" -d 'Point a bucket back at one of its earlier artifacts'
complete -c facetctl -n "__fish_facetctl_needs_command" -f -a "verify" -d 'Compare every bucket\'s tags in the registry with the records (exit 3 on any difference)'
complete -c facetctl -n "__fish_facetctl_needs_command" -f -a "status" -d 'What runs where: every bucket\'s current artifact, who put it there and when, freezes and waiting requests'
complete -c facetctl -n "__fish_facetctl_needs_command" -f -a "history" -d 'Each bucket\'s artifacts over time: pushes, promotions, rollbacks'
complete -c facetctl -n "__fish_facetctl_needs_command" -f -a "audit" -d 'The append-only log of every change and who made it'
complete -c facetctl -n "__fish_facetctl_needs_command" -f -a "login" -d 'Log in to a control plane (a facetctl server or Facets); later commands use it'
complete -c facetctl -n "__fish_facetctl_needs_command" -f -a "logout" -d 'Forget a login; commands go back to the embedded control plane'
complete -c facetctl -n "__fish_facetctl_needs_command" -f -a "whoami" -d 'Who changes are recorded as, and on which control plane'
complete -c facetctl -n "__fish_facetctl_needs_command" -f -a "server" -d 'Serve the control plane to a team over HTTP (the Facets API), on SQLite or PostgreSQL'
complete -c facetctl -n "__fish_facetctl_needs_command" -f -a "man" -d 'Print a man page (roff): facetctl\'s, or one command\'s, e.g. `facetctl man promote | man -l -`'
complete -c facetctl -n "__fish_facetctl_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c facetctl -n "__fish_facetctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c facetctl -n "__fish_facetctl_using_subcommand release-stream; and not __fish_seen_subcommand_from create list help" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand release-stream; and not __fish_seen_subcommand_from create list help" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand release-stream; and not __fish_seen_subcommand_from create list help" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand release-stream; and not __fish_seen_subcommand_from create list help" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand release-stream; and not __fish_seen_subcommand_from create list help" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand release-stream; and not __fish_seen_subcommand_from create list help" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand release-stream; and not __fish_seen_subcommand_from create list help" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand release-stream; and not __fish_seen_subcommand_from create list help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand release-stream; and not __fish_seen_subcommand_from create list help" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand release-stream; and not __fish_seen_subcommand_from create list help" -f -a "create" -d 'Create a release stream'
complete -c facetctl -n "__fish_facetctl_using_subcommand release-stream; and not __fish_seen_subcommand_from create list help" -f -a "list" -d 'List release streams'
complete -c facetctl -n "__fish_facetctl_using_subcommand release-stream; and not __fish_seen_subcommand_from create list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c facetctl -n "__fish_facetctl_using_subcommand release-stream; and __fish_seen_subcommand_from create" -l description -d 'What it is for, in a few words' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand release-stream; and __fish_seen_subcommand_from create" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand release-stream; and __fish_seen_subcommand_from create" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand release-stream; and __fish_seen_subcommand_from create" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand release-stream; and __fish_seen_subcommand_from create" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand release-stream; and __fish_seen_subcommand_from create" -l prod -d 'Mark it as production'
complete -c facetctl -n "__fish_facetctl_using_subcommand release-stream; and __fish_seen_subcommand_from create" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand release-stream; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand release-stream; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand release-stream; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand release-stream; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand release-stream; and __fish_seen_subcommand_from list" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand release-stream; and __fish_seen_subcommand_from list" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand release-stream; and __fish_seen_subcommand_from list" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand release-stream; and __fish_seen_subcommand_from list" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand release-stream; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand release-stream; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand release-stream; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand release-stream; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand release-stream; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand release-stream; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a release stream'
complete -c facetctl -n "__fish_facetctl_using_subcommand release-stream; and __fish_seen_subcommand_from help" -f -a "list" -d 'List release streams'
complete -c facetctl -n "__fish_facetctl_using_subcommand release-stream; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c facetctl -n "__fish_facetctl_using_subcommand environment; and not __fish_seen_subcommand_from create list help" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand environment; and not __fish_seen_subcommand_from create list help" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand environment; and not __fish_seen_subcommand_from create list help" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand environment; and not __fish_seen_subcommand_from create list help" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand environment; and not __fish_seen_subcommand_from create list help" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand environment; and not __fish_seen_subcommand_from create list help" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand environment; and not __fish_seen_subcommand_from create list help" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand environment; and not __fish_seen_subcommand_from create list help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand environment; and not __fish_seen_subcommand_from create list help" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand environment; and not __fish_seen_subcommand_from create list help" -f -a "create" -d 'Create an environment in a release stream'
complete -c facetctl -n "__fish_facetctl_using_subcommand environment; and not __fish_seen_subcommand_from create list help" -f -a "list" -d 'List environments'
complete -c facetctl -n "__fish_facetctl_using_subcommand environment; and not __fish_seen_subcommand_from create list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c facetctl -n "__fish_facetctl_using_subcommand environment; and __fish_seen_subcommand_from create" -l release-stream -d 'The release stream it runs; a production stream makes it protected' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand environment; and __fish_seen_subcommand_from create" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand environment; and __fish_seen_subcommand_from create" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand environment; and __fish_seen_subcommand_from create" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand environment; and __fish_seen_subcommand_from create" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand environment; and __fish_seen_subcommand_from create" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand environment; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand environment; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand environment; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand environment; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand environment; and __fish_seen_subcommand_from list" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand environment; and __fish_seen_subcommand_from list" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand environment; and __fish_seen_subcommand_from list" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand environment; and __fish_seen_subcommand_from list" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand environment; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand environment; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand environment; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand environment; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand environment; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand environment; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create an environment in a release stream'
complete -c facetctl -n "__fish_facetctl_using_subcommand environment; and __fish_seen_subcommand_from help" -f -a "list" -d 'List environments'
complete -c facetctl -n "__fish_facetctl_using_subcommand environment; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and not __fish_seen_subcommand_from add list show remove check login logout help" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and not __fish_seen_subcommand_from add list show remove check login logout help" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and not __fish_seen_subcommand_from add list show remove check login logout help" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and not __fish_seen_subcommand_from add list show remove check login logout help" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and not __fish_seen_subcommand_from add list show remove check login logout help" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and not __fish_seen_subcommand_from add list show remove check login logout help" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and not __fish_seen_subcommand_from add list show remove check login logout help" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and not __fish_seen_subcommand_from add list show remove check login logout help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and not __fish_seen_subcommand_from add list show remove check login logout help" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and not __fish_seen_subcommand_from add list show remove check login logout help" -f -a "add" -d 'Register a container registry. The password is read from stdin, never from an argument'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and not __fish_seen_subcommand_from add list show remove check login logout help" -f -a "list" -d 'List registries (secrets are never shown)'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and not __fish_seen_subcommand_from add list show remove check login logout help" -f -a "show" -d 'Show one registry'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and not __fish_seen_subcommand_from add list show remove check login logout help" -f -a "remove" -d 'Remove a registry that no integration uses, and its stored secret'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and not __fish_seen_subcommand_from add list show remove check login logout help" -f -a "check" -d 'Check that the registry answers and accepts the credentials'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and not __fish_seen_subcommand_from add list show remove check login logout help" -f -a "login" -d 'Save your own credentials for a registry in the OS keyring, after checking them'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and not __fish_seen_subcommand_from add list show remove check login logout help" -f -a "logout" -d 'Forget the credentials `registry login` saved'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and not __fish_seen_subcommand_from add list show remove check login logout help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from add" -l kind -d 'The product: decides credential sources and quirks' -r -f -a "ecr\t''
acr\t''
gar\t''
gcr\t''
nexus\t''
dockerhub\t''
jfrog\t''
harbor\t''
generic\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from add" -l url -d 'host[:port][/prefix], without a scheme' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from add" -l username -d 'The username the control plane pushes with; the password comes from stdin' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from add" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from add" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from add" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from add" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from add" -l password-stdin -d 'Read the password or token from stdin'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from add" -l insecure -d 'Plain HTTP (only for registries on this machine)'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from add" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from list" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from list" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from list" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from list" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from show" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from show" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from show" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from show" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from remove" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from remove" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from remove" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from remove" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from remove" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from check" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from check" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from check" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from check" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from check" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from check" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from login" -l username -d 'The username the registry knows you by' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from login" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from login" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from login" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from login" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from login" -l password-stdin -d 'Read the password or token from stdin'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from login" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from login" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from login" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from login" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from logout" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from logout" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from logout" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from logout" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from logout" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from logout" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from logout" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from logout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from logout" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from help" -f -a "add" -d 'Register a container registry. The password is read from stdin, never from an argument'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from help" -f -a "list" -d 'List registries (secrets are never shown)'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one registry'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a registry that no integration uses, and its stored secret'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from help" -f -a "check" -d 'Check that the registry answers and accepts the credentials'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from help" -f -a "login" -d 'Save your own credentials for a registry in the OS keyring, after checking them'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from help" -f -a "logout" -d 'Forget the credentials `registry login` saved'
complete -c facetctl -n "__fish_facetctl_using_subcommand registry; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and not __fish_seen_subcommand_from create list show update delete help" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and not __fish_seen_subcommand_from create list show update delete help" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and not __fish_seen_subcommand_from create list show update delete help" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and not __fish_seen_subcommand_from create list show update delete help" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and not __fish_seen_subcommand_from create list show update delete help" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and not __fish_seen_subcommand_from create list show update delete help" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and not __fish_seen_subcommand_from create list show update delete help" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and not __fish_seen_subcommand_from create list show update delete help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and not __fish_seen_subcommand_from create list show update delete help" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and not __fish_seen_subcommand_from create list show update delete help" -f -a "create" -d 'Create a promotion workflow'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and not __fish_seen_subcommand_from create list show update delete help" -f -a "list" -d 'List workflows'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and not __fish_seen_subcommand_from create list show update delete help" -f -a "show" -d 'Show one workflow'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and not __fish_seen_subcommand_from create list show update delete help" -f -a "update" -d 'Give a workflow new stages, and gates; promotions from then on follow them'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and not __fish_seen_subcommand_from create list show update delete help" -f -a "delete" -d 'Delete a workflow that no integration uses'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and not __fish_seen_subcommand_from create list show update delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from create" -l type -d 'What the stages are: environments or release streams' -r -f -a "environment\t''
release-stream\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from create" -l stages -d 'The stages in promotion order, comma-separated: qa,staging,production' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from create" -l gate -d 'A stage whose promotions wait for N approvals (default 1), e.g. production:2. Repeatable' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from create" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from create" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from create" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from create" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from create" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from list" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from list" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from list" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from list" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from show" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from show" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from show" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from show" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from update" -l stages -d 'All its stages from now on, in promotion order: qa,staging,production' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from update" -l gate -d 'The gates from now on (repeatable); left out, the workflow keeps its gates' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from update" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from update" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from update" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from update" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from update" -l no-gates -d 'No stage waits for approvals from now on'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from update" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from update" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from update" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from delete" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from delete" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from delete" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from delete" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from delete" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a promotion workflow'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from help" -f -a "list" -d 'List workflows'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one workflow'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from help" -f -a "update" -d 'Give a workflow new stages, and gates; promotions from then on follow them'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a workflow that no integration uses'
complete -c facetctl -n "__fish_facetctl_using_subcommand workflow; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and not __fish_seen_subcommand_from create list show update delete help" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and not __fish_seen_subcommand_from create list show update delete help" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and not __fish_seen_subcommand_from create list show update delete help" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and not __fish_seen_subcommand_from create list show update delete help" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and not __fish_seen_subcommand_from create list show update delete help" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and not __fish_seen_subcommand_from create list show update delete help" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and not __fish_seen_subcommand_from create list show update delete help" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and not __fish_seen_subcommand_from create list show update delete help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and not __fish_seen_subcommand_from create list show update delete help" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and not __fish_seen_subcommand_from create list show update delete help" -f -a "create" -d 'Create a CI integration'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and not __fish_seen_subcommand_from create list show update delete help" -f -a "list" -d 'List integrations'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and not __fish_seen_subcommand_from create list show update delete help" -f -a "show" -d 'Show one integration'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and not __fish_seen_subcommand_from create list show update delete help" -f -a "update" -d 'Attach a workflow or a routing rule to an integration, or detach them'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and not __fish_seen_subcommand_from create list show update delete help" -f -a "delete" -d 'Delete an integration that has recorded no artifact'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and not __fish_seen_subcommand_from create list show update delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from create" -l type -d 'What its buckets are: environments or release streams' -r -f -a "environment\t''
release-stream\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from create" -l registry -d 'The registry its images live in (see `facetctl registry list`)' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from create" -l repository -d 'Repository path in the registry (default: the integration\'s name)' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from create" -l workflow -d 'The promotion workflow its buckets follow' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from create" -l layout -d 'How buckets map onto the registry: a repository each, or a tag each in one repository' -r -f -a "repository-per-bucket\t''
tag-per-bucket\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from create" -l rule -d 'The routing rule that chooses a bucket when a push names none' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from create" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from create" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from create" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from create" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from create" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from list" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from list" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from list" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from list" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from show" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from show" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from show" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from show" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from update" -l workflow -d 'The promotion workflow to follow' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from update" -l rule -d 'The routing rule that chooses a bucket when a push names none' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from update" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from update" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from update" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from update" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from update" -l no-workflow -d 'Follow no workflow: nothing can be promoted'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from update" -l no-rule -d 'Route by no rule: every push names its bucket'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from update" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from update" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from update" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from delete" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from delete" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from delete" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from delete" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from delete" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a CI integration'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from help" -f -a "list" -d 'List integrations'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one integration'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from help" -f -a "update" -d 'Attach a workflow or a routing rule to an integration, or detach them'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete an integration that has recorded no artifact'
complete -c facetctl -n "__fish_facetctl_using_subcommand integration; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and not __fish_seen_subcommand_from create list show update delete test help" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and not __fish_seen_subcommand_from create list show update delete test help" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and not __fish_seen_subcommand_from create list show update delete test help" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and not __fish_seen_subcommand_from create list show update delete test help" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and not __fish_seen_subcommand_from create list show update delete test help" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and not __fish_seen_subcommand_from create list show update delete test help" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and not __fish_seen_subcommand_from create list show update delete test help" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and not __fish_seen_subcommand_from create list show update delete test help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and not __fish_seen_subcommand_from create list show update delete test help" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and not __fish_seen_subcommand_from create list show update delete test help" -f -a "create" -d 'Create a routing rule: criteria tried in the order given, the first match choosing the bucket'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and not __fish_seen_subcommand_from create list show update delete test help" -f -a "list" -d 'List routing rules'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and not __fish_seen_subcommand_from create list show update delete test help" -f -a "show" -d 'Show one routing rule with its criteria'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and not __fish_seen_subcommand_from create list show update delete test help" -f -a "update" -d 'Give a routing rule new criteria, replacing the old'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and not __fish_seen_subcommand_from create list show update delete test help" -f -a "delete" -d 'Delete a routing rule that no integration uses'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and not __fish_seen_subcommand_from create list show update delete test help" -f -a "test" -d 'Say where a rule routes an artifact with this metadata'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and not __fish_seen_subcommand_from create list show update delete test help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from create" -l type -d 'The kind of bucket it routes to: environment or release-stream' -r -f -a "environment\t''
release-stream\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from create" -l route -d 'KEY=VALUE:BUCKET; ^= starts with, $= ends with, *= contains, ~ matches a regex. Repeat, in priority order' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from create" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from create" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from create" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from create" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from create" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from list" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from list" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from list" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from list" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from show" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from show" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from show" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from show" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from update" -l route -d 'As for create; the full new list, in priority order' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from update" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from update" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from update" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from update" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from update" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from update" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from update" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from delete" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from delete" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from delete" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from delete" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from delete" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from test" -l meta -d 'KEY=VALUE of the artifact\'s metadata, e.g. BRANCH_NAME=main. Repeatable' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from test" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from test" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from test" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from test" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from test" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from test" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from test" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from test" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from test" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a routing rule: criteria tried in the order given, the first match choosing the bucket'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from help" -f -a "list" -d 'List routing rules'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one routing rule with its criteria'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from help" -f -a "update" -d 'Give a routing rule new criteria, replacing the old'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a routing rule that no integration uses'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from help" -f -a "test" -d 'Say where a rule routes an artifact with this metadata'
complete -c facetctl -n "__fish_facetctl_using_subcommand rule; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and not __fish_seen_subcommand_from create list end help" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and not __fish_seen_subcommand_from create list end help" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and not __fish_seen_subcommand_from create list end help" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and not __fish_seen_subcommand_from create list end help" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and not __fish_seen_subcommand_from create list end help" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and not __fish_seen_subcommand_from create list end help" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and not __fish_seen_subcommand_from create list end help" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and not __fish_seen_subcommand_from create list end help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and not __fish_seen_subcommand_from create list end help" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and not __fish_seen_subcommand_from create list end help" -f -a "create" -d 'Freeze a bucket: pushes, promotions and rollbacks into it are refused while the window holds'
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and not __fish_seen_subcommand_from create list end help" -f -a "list" -d 'The freezes in force, whether or not their window holds now'
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and not __fish_seen_subcommand_from create list end help" -f -a "end" -d 'End a freeze now; it stays in the audit log'
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and not __fish_seen_subcommand_from create list end help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from create" -l integration -d 'The integration whose bucket is frozen' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from create" -l bucket -d 'The bucket frozen, by name' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from create" -l from -d 'Start (RFC 3339, e.g. 2026-12-24T00:00:00Z); with --until' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from create" -l until -d 'End (RFC 3339); with --from' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from create" -l weekly -d 'Each week: \'DAY HH:MM-DAY HH:MM\', e.g. \'fri 16:00-mon 08:00\'' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from create" -l timezone -d 'The weekly window\'s time zone: an IANA name, or UTC' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from create" -l reason -d 'Why: shown to everyone the freeze stops' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from create" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from create" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from create" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from create" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from create" -l all -d 'Every integration\'s bucket of this name'
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from create" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from list" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from list" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from list" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from list" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from end" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from end" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from end" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from end" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from end" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from end" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from end" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from end" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from end" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from help" -f -a "create" -d 'Freeze a bucket: pushes, promotions and rollbacks into it are refused while the window holds'
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from help" -f -a "list" -d 'The freezes in force, whether or not their window holds now'
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from help" -f -a "end" -d 'End a freeze now; it stays in the audit log'
complete -c facetctl -n "__fish_facetctl_using_subcommand freeze; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and not __fish_seen_subcommand_from push register list show help" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and not __fish_seen_subcommand_from push register list show help" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and not __fish_seen_subcommand_from push register list show help" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and not __fish_seen_subcommand_from push register list show help" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and not __fish_seen_subcommand_from push register list show help" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and not __fish_seen_subcommand_from push register list show help" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and not __fish_seen_subcommand_from push register list show help" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and not __fish_seen_subcommand_from push register list show help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and not __fish_seen_subcommand_from push register list show help" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and not __fish_seen_subcommand_from push register list show help" -f -a "push" -d 'Copy an image into a bucket, pin its digest and record it'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and not __fish_seen_subcommand_from push register list show help" -f -a "register" -d 'Record an image that is already in the integration\'s registry'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and not __fish_seen_subcommand_from push register list show help" -f -a "list" -d 'List an integration\'s artifacts, newest first'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and not __fish_seen_subcommand_from push register list show help" -f -a "show" -d 'Show one artifact: where it is, its digest, tag, metadata, and where it came from'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and not __fish_seen_subcommand_from push register list show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from push" -l integration -d 'The integration the image belongs to' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from push" -l bucket -d 'The bucket (default: the one the integration\'s routing rule chooses by the branch)' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from push" -l git-ref -d 'The branch or tag built, recorded as BRANCH_NAME (default: the CI\'s own, when routing)' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from push" -l tag -d 'The artifact\'s tag (default: the source\'s tag)' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from push" -l external-id -d 'The CI build\'s id, e.g. $GITHUB_RUN_ID' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from push" -l description -d 'A line about the build, kept with the record' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from push" -l meta -d 'Metadata to record, as KEY=VALUE (git sha, branch, run URL); repeatable' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from push" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from push" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from push" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from push" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from push" -l no-referrers -d 'Leave signatures, attestations and SBOMs behind (they follow by default)'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from push" -l dry-run -d 'Say what would be pushed where, checked as a push would be, and change nothing'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from push" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from push" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from push" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from push" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from push" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from register" -l integration -d 'The integration the image belongs to' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from register" -l bucket -d 'The bucket (default: the one the integration\'s routing rule chooses by the branch)' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from register" -l git-ref -d 'The branch or tag built, recorded as BRANCH_NAME (default: the CI\'s own, when routing)' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from register" -l tag -d 'The artifact\'s tag (default: the source\'s tag)' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from register" -l external-id -d 'The CI build\'s id, e.g. $GITHUB_RUN_ID' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from register" -l description -d 'A line about the build, kept with the record' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from register" -l meta -d 'Metadata to record, as KEY=VALUE (git sha, branch, run URL); repeatable' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from register" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from register" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from register" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from register" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from register" -l no-referrers -d 'Leave signatures, attestations and SBOMs behind (they follow by default)'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from register" -l dry-run -d 'Say what would be pushed where, checked as a push would be, and change nothing'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from register" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from register" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from register" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from register" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from register" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from list" -l integration -d 'The integration whose artifacts to list' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from list" -l bucket -d 'Only this bucket\'s artifacts' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from list" -l limit -d 'At most this many, newest first' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from list" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from list" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from list" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from list" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from show" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from show" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from show" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from show" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from help" -f -a "push" -d 'Copy an image into a bucket, pin its digest and record it'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from help" -f -a "register" -d 'Record an image that is already in the integration\'s registry'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from help" -f -a "list" -d 'List an integration\'s artifacts, newest first'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one artifact: where it is, its digest, tag, metadata, and where it came from'
complete -c facetctl -n "__fish_facetctl_using_subcommand artifact; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c facetctl -n "__fish_facetctl_using_subcommand promote" -l integration -d 'The integration to promote' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand promote" -l from -d 'The source bucket (stage)' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand promote" -l to -d 'The target bucket: the workflow\'s next stage after --from' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand promote" -l artifact -d 'Promote this artifact of the source bucket instead of its head' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand promote" -l digest -d 'Promote the source bucket\'s artifact with this digest' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand promote" -l reason -d 'Why, kept with the record (required with --force)' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand promote" -l timeout -d 'How long --wait waits before it gives up, leaving the request open (exit 3): 30m, 2h...' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand promote" -l expires-in -d 'How long a request into a gated stage waits for approvals before it expires' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand promote" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand promote" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand promote" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand promote" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand promote" -l dry-run -d 'Say what would be promoted, and change nothing'
complete -c facetctl -n "__fish_facetctl_using_subcommand promote" -l no-referrers -d 'Leave signatures, attestations and SBOMs behind (they follow by default)'
complete -c facetctl -n "__fish_facetctl_using_subcommand promote" -l force -d 'Skip a stage (admin) or go through a freeze (admin or release manager); needs --reason, audited'
complete -c facetctl -n "__fish_facetctl_using_subcommand promote" -l wait -d 'Into a gated stage: wait until the request is approved and moved (exit 0), or rejected, cancelled or expired (exit 3)'
complete -c facetctl -n "__fish_facetctl_using_subcommand promote" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand promote" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand promote" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand promote" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand promote" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand approve" -l reason -d 'Why, for the audit log' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand approve" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand approve" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand approve" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand approve" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand approve" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand approve" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand approve" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand approve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand approve" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand reject" -l reason -d 'Why: the requester reads it' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand reject" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand reject" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand reject" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand reject" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand reject" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand reject" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand reject" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand reject" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand reject" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and not __fish_seen_subcommand_from list show cancel help" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and not __fish_seen_subcommand_from list show cancel help" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and not __fish_seen_subcommand_from list show cancel help" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and not __fish_seen_subcommand_from list show cancel help" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and not __fish_seen_subcommand_from list show cancel help" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and not __fish_seen_subcommand_from list show cancel help" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and not __fish_seen_subcommand_from list show cancel help" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and not __fish_seen_subcommand_from list show cancel help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and not __fish_seen_subcommand_from list show cancel help" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and not __fish_seen_subcommand_from list show cancel help" -f -a "list" -d 'Promotion requests, newest first'
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and not __fish_seen_subcommand_from list show cancel help" -f -a "show" -d 'One request: who asked, who approved, the digest, the times'
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and not __fish_seen_subcommand_from list show cancel help" -f -a "cancel" -d 'Withdraw a request (its requester, or an admin)'
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and not __fish_seen_subcommand_from list show cancel help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and __fish_seen_subcommand_from list" -l integration -d 'Only this integration\'s requests' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and __fish_seen_subcommand_from list" -l state -d 'Only requests in this state: awaiting-approval, approved, executing, done, rejected, failed, cancelled, expired' -r -f -a "awaiting-approval\t''
approved\t''
executing\t''
done\t''
rejected\t''
failed\t''
cancelled\t''
expired\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and __fish_seen_subcommand_from list" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and __fish_seen_subcommand_from list" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and __fish_seen_subcommand_from list" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and __fish_seen_subcommand_from list" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and __fish_seen_subcommand_from show" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and __fish_seen_subcommand_from show" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and __fish_seen_subcommand_from show" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and __fish_seen_subcommand_from show" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and __fish_seen_subcommand_from cancel" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and __fish_seen_subcommand_from cancel" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and __fish_seen_subcommand_from cancel" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and __fish_seen_subcommand_from cancel" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and __fish_seen_subcommand_from cancel" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and __fish_seen_subcommand_from cancel" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and __fish_seen_subcommand_from cancel" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and __fish_seen_subcommand_from cancel" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and __fish_seen_subcommand_from cancel" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and __fish_seen_subcommand_from help" -f -a "list" -d 'Promotion requests, newest first'
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and __fish_seen_subcommand_from help" -f -a "show" -d 'One request: who asked, who approved, the digest, the times'
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and __fish_seen_subcommand_from help" -f -a "cancel" -d 'Withdraw a request (its requester, or an admin)'
complete -c facetctl -n "__fish_facetctl_using_subcommand promotion; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c facetctl -n "__fish_facetctl_using_subcommand rollback" -l integration -d 'The integration whose bucket to roll back' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand rollback" -l bucket -d 'The bucket whose moving tag goes back' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand rollback" -l to -d 'The artifact to go back to (default: the bucket\'s previous head)' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand rollback" -l reason -d 'Why, kept with the record (required with --force)' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand rollback" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand rollback" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand rollback" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand rollback" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand rollback" -l force -d 'Go through a freeze (admin or release manager); needs --reason, audited'
complete -c facetctl -n "__fish_facetctl_using_subcommand rollback" -l dry-run -d 'Say what would change, and change nothing'
complete -c facetctl -n "__fish_facetctl_using_subcommand rollback" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand rollback" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand rollback" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand rollback" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand rollback" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand verify" -l integration -d 'Check this integration only (default: all)' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand verify" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand verify" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand verify" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand verify" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand verify" -l repair -d 'Put each differing tag back on what the record says (under the bucket\'s lease; audited)'
complete -c facetctl -n "__fish_facetctl_using_subcommand verify" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand verify" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand verify" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand verify" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand status" -l integration -d 'Only this integration\'s buckets' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand status" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand status" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand status" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand status" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand status" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand status" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand status" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand status" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand history" -l integration -d 'The integration whose history to show' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand history" -l bucket -d 'Only this bucket\'s events' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand history" -l limit -d 'At most this many events, newest first' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand history" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand history" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand history" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand history" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand history" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand history" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand history" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand history" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand audit" -l actor -d 'Only this person\'s changes' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand audit" -l since -d 'Only events at or after this time (RFC 3339, or a date YYYY-MM-DD)' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand audit" -l limit -d 'At most this many events, newest first' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand audit" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand audit" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand audit" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand audit" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand audit" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand audit" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand audit" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand audit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand audit" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand login" -l url -d 'The control plane\'s URL, e.g. https://facets.example.com' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand login" -l username -d 'Your user name on the control plane (on Facets, your email)' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand login" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand login" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand login" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand login" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand login" -l token-stdin -d 'Read the personal access token from stdin (else FACETS_TOKEN)'
complete -c facetctl -n "__fish_facetctl_using_subcommand login" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand login" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand login" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand login" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand logout" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand logout" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand logout" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand logout" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand logout" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand logout" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand logout" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand logout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand logout" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand whoami" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand whoami" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand whoami" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand whoami" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand whoami" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand whoami" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand whoami" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand whoami" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand whoami" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand server; and not __fish_seen_subcommand_from users help" -l listen -d 'Where to listen' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand server; and not __fish_seen_subcommand_from users help" -l database -d 'sqlite:PATH or postgres://USER@HOST/DB (default: sqlite in FACETCTL_HOME). Put a password in FACETCTL_DATABASE_URL or PGPASSWORD, never in an argument' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand server; and not __fish_seen_subcommand_from users help" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand server; and not __fish_seen_subcommand_from users help" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand server; and not __fish_seen_subcommand_from users help" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand server; and not __fish_seen_subcommand_from users help" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand server; and not __fish_seen_subcommand_from users help" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand server; and not __fish_seen_subcommand_from users help" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand server; and not __fish_seen_subcommand_from users help" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand server; and not __fish_seen_subcommand_from users help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand server; and not __fish_seen_subcommand_from users help" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand server; and not __fish_seen_subcommand_from users help" -f -a "users" -d 'The server\'s users and their tokens'
complete -c facetctl -n "__fish_facetctl_using_subcommand server; and not __fish_seen_subcommand_from users help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c facetctl -n "__fish_facetctl_using_subcommand server; and __fish_seen_subcommand_from users" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand server; and __fish_seen_subcommand_from users" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand server; and __fish_seen_subcommand_from users" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand server; and __fish_seen_subcommand_from users" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand server; and __fish_seen_subcommand_from users" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand server; and __fish_seen_subcommand_from users" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand server; and __fish_seen_subcommand_from users" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand server; and __fish_seen_subcommand_from users" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand server; and __fish_seen_subcommand_from users" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand server; and __fish_seen_subcommand_from users" -f -a "add" -d 'Add a user; prints their new token once, on stdout'
complete -c facetctl -n "__fish_facetctl_using_subcommand server; and __fish_seen_subcommand_from users" -f -a "revoke" -d 'Revoke a user\'s token at once'
complete -c facetctl -n "__fish_facetctl_using_subcommand server; and __fish_seen_subcommand_from users" -f -a "list" -d 'List users and whether their tokens work'
complete -c facetctl -n "__fish_facetctl_using_subcommand server; and __fish_seen_subcommand_from users" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c facetctl -n "__fish_facetctl_using_subcommand server; and __fish_seen_subcommand_from help" -f -a "users" -d 'The server\'s users and their tokens'
complete -c facetctl -n "__fish_facetctl_using_subcommand server; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c facetctl -n "__fish_facetctl_using_subcommand man" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand man" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand man" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand man" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand man" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand man" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand man" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand man" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand completions" -s o -l output -d 'How results print on stdout' -r -f -a "table\t'A table that fits the terminal: digests shortened to sha256 and 12 hex digits'
wide\t'A table with every value whole: full digests'
json\t''
yaml\t''"
complete -c facetctl -n "__fish_facetctl_using_subcommand completions" -l api-url -d 'Use this control plane (a facetctl server or Facets), with FACETS_USERNAME and FACETS_TOKEN' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand completions" -l profile -d 'Use a profile saved by `facetctl login --profile P`' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand completions" -l lock-timeout -d 'How long to wait for another facetctl writing into the same bucket' -r
complete -c facetctl -n "__fish_facetctl_using_subcommand completions" -l no-input -d 'Never prompt. (No command prompts today: secrets come on stdin or from the environment.)'
complete -c facetctl -n "__fish_facetctl_using_subcommand completions" -s q -l quiet -d 'Print only results and errors'
complete -c facetctl -n "__fish_facetctl_using_subcommand completions" -s v -l verbose -d 'Say more on stderr (-v: steps and credential sources; -vv: HTTP detail)'
complete -c facetctl -n "__fish_facetctl_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c facetctl -n "__fish_facetctl_using_subcommand completions" -s V -l version -d 'Print version'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and not __fish_seen_subcommand_from release-stream environment registry workflow integration rule freeze artifact promote approve reject promotion rollback verify status history audit login logout whoami server man completions help" -f -a "release-stream" -d 'Release streams: named lines of releases (QA, PRODUCTION)'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and not __fish_seen_subcommand_from release-stream environment registry workflow integration rule freeze artifact promote approve reject promotion rollback verify status history audit login logout whoami server man completions help" -f -a "environment" -d 'Environments: where a release stream runs (qa, staging, production)'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and not __fish_seen_subcommand_from release-stream environment registry workflow integration rule freeze artifact promote approve reject promotion rollback verify status history audit login logout whoami server man completions help" -f -a "registry" -d 'Container registries that integrations keep their images in'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and not __fish_seen_subcommand_from release-stream environment registry workflow integration rule freeze artifact promote approve reject promotion rollback verify status history audit login logout whoami server man completions help" -f -a "workflow" -d 'Promotion workflows: the ordered stages artifacts move through'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and not __fish_seen_subcommand_from release-stream environment registry workflow integration rule freeze artifact promote approve reject promotion rollback verify status history audit login logout whoami server man completions help" -f -a "integration" -d 'CI integrations: one service\'s images, one bucket per stage'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and not __fish_seen_subcommand_from release-stream environment registry workflow integration rule freeze artifact promote approve reject promotion rollback verify status history audit login logout whoami server man completions help" -f -a "rule" -d 'Routing rules: which bucket a push that names none goes to, by its branch or metadata'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and not __fish_seen_subcommand_from release-stream environment registry workflow integration rule freeze artifact promote approve reject promotion rollback verify status history audit login logout whoami server man completions help" -f -a "freeze" -d 'Freeze windows: times in which a bucket does not move'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and not __fish_seen_subcommand_from release-stream environment registry workflow integration rule freeze artifact promote approve reject promotion rollback verify status history audit login logout whoami server man completions help" -f -a "artifact" -d 'Push, register and list artifacts'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and not __fish_seen_subcommand_from release-stream environment registry workflow integration rule freeze artifact promote approve reject promotion rollback verify status history audit login logout whoami server man completions help" -f -a "promote" -d 'Promote a bucket\'s artifact to the next stage of the workflow'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and not __fish_seen_subcommand_from release-stream environment registry workflow integration rule freeze artifact promote approve reject promotion rollback verify status history audit login logout whoami server man completions help" -f -a "approve" -d 'Approve a promotion request into a gated stage; the last approval moves it'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and not __fish_seen_subcommand_from release-stream environment registry workflow integration rule freeze artifact promote approve reject promotion rollback verify status history audit login logout whoami server man completions help" -f -a "reject" -d 'Reject a promotion request, with a reason'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and not __fish_seen_subcommand_from release-stream environment registry workflow integration rule freeze artifact promote approve reject promotion rollback verify status history audit login logout whoami server man completions help" -f -a "promotion" -d 'Promotion requests into gated stages: list, show, cancel'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and not __fish_seen_subcommand_from release-stream environment registry workflow integration rule freeze artifact promote approve reject promotion rollback verify status history audit login logout whoami server man completions help" -f -a "rollback" -d 'Point a bucket back at one of its earlier artifacts'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and not __fish_seen_subcommand_from release-stream environment registry workflow integration rule freeze artifact promote approve reject promotion rollback verify status history audit login logout whoami server man completions help" -f -a "verify" -d 'Compare every bucket\'s tags in the registry with the records (exit 3 on any difference)'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and not __fish_seen_subcommand_from release-stream environment registry workflow integration rule freeze artifact promote approve reject promotion rollback verify status history audit login logout whoami server man completions help" -f -a "status" -d 'What runs where: every bucket\'s current artifact, who put it there and when, freezes and waiting requests'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and not __fish_seen_subcommand_from release-stream environment registry workflow integration rule freeze artifact promote approve reject promotion rollback verify status history audit login logout whoami server man completions help" -f -a "history" -d 'Each bucket\'s artifacts over time: pushes, promotions, rollbacks'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and not __fish_seen_subcommand_from release-stream environment registry workflow integration rule freeze artifact promote approve reject promotion rollback verify status history audit login logout whoami server man completions help" -f -a "audit" -d 'The append-only log of every change and who made it'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and not __fish_seen_subcommand_from release-stream environment registry workflow integration rule freeze artifact promote approve reject promotion rollback verify status history audit login logout whoami server man completions help" -f -a "login" -d 'Log in to a control plane (a facetctl server or Facets); later commands use it'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and not __fish_seen_subcommand_from release-stream environment registry workflow integration rule freeze artifact promote approve reject promotion rollback verify status history audit login logout whoami server man completions help" -f -a "logout" -d 'Forget a login; commands go back to the embedded control plane'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and not __fish_seen_subcommand_from release-stream environment registry workflow integration rule freeze artifact promote approve reject promotion rollback verify status history audit login logout whoami server man completions help" -f -a "whoami" -d 'Who changes are recorded as, and on which control plane'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and not __fish_seen_subcommand_from release-stream environment registry workflow integration rule freeze artifact promote approve reject promotion rollback verify status history audit login logout whoami server man completions help" -f -a "server" -d 'Serve the control plane to a team over HTTP (the Facets API), on SQLite or PostgreSQL'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and not __fish_seen_subcommand_from release-stream environment registry workflow integration rule freeze artifact promote approve reject promotion rollback verify status history audit login logout whoami server man completions help" -f -a "man" -d 'Print a man page (roff): facetctl\'s, or one command\'s, e.g. `facetctl man promote | man -l -`'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and not __fish_seen_subcommand_from release-stream environment registry workflow integration rule freeze artifact promote approve reject promotion rollback verify status history audit login logout whoami server man completions help" -f -a "completions" -d 'Print a shell completion script'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and not __fish_seen_subcommand_from release-stream environment registry workflow integration rule freeze artifact promote approve reject promotion rollback verify status history audit login logout whoami server man completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from release-stream" -f -a "create" -d 'Create a release stream'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from release-stream" -f -a "list" -d 'List release streams'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from environment" -f -a "create" -d 'Create an environment in a release stream'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from environment" -f -a "list" -d 'List environments'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from registry" -f -a "add" -d 'Register a container registry. The password is read from stdin, never from an argument'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from registry" -f -a "list" -d 'List registries (secrets are never shown)'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from registry" -f -a "show" -d 'Show one registry'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from registry" -f -a "remove" -d 'Remove a registry that no integration uses, and its stored secret'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from registry" -f -a "check" -d 'Check that the registry answers and accepts the credentials'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from registry" -f -a "login" -d 'Save your own credentials for a registry in the OS keyring, after checking them'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from registry" -f -a "logout" -d 'Forget the credentials `registry login` saved'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from workflow" -f -a "create" -d 'Create a promotion workflow'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from workflow" -f -a "list" -d 'List workflows'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from workflow" -f -a "show" -d 'Show one workflow'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from workflow" -f -a "update" -d 'Give a workflow new stages, and gates; promotions from then on follow them'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from workflow" -f -a "delete" -d 'Delete a workflow that no integration uses'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from integration" -f -a "create" -d 'Create a CI integration'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from integration" -f -a "list" -d 'List integrations'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from integration" -f -a "show" -d 'Show one integration'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from integration" -f -a "update" -d 'Attach a workflow or a routing rule to an integration, or detach them'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from integration" -f -a "delete" -d 'Delete an integration that has recorded no artifact'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from rule" -f -a "create" -d 'Create a routing rule: criteria tried in the order given, the first match choosing the bucket'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from rule" -f -a "list" -d 'List routing rules'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from rule" -f -a "show" -d 'Show one routing rule with its criteria'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from rule" -f -a "update" -d 'Give a routing rule new criteria, replacing the old'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from rule" -f -a "delete" -d 'Delete a routing rule that no integration uses'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from rule" -f -a "test" -d 'Say where a rule routes an artifact with this metadata'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from freeze" -f -a "create" -d 'Freeze a bucket: pushes, promotions and rollbacks into it are refused while the window holds'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from freeze" -f -a "list" -d 'The freezes in force, whether or not their window holds now'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from freeze" -f -a "end" -d 'End a freeze now; it stays in the audit log'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from artifact" -f -a "push" -d 'Copy an image into a bucket, pin its digest and record it'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from artifact" -f -a "register" -d 'Record an image that is already in the integration\'s registry'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from artifact" -f -a "list" -d 'List an integration\'s artifacts, newest first'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from artifact" -f -a "show" -d 'Show one artifact: where it is, its digest, tag, metadata, and where it came from'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from promotion" -f -a "list" -d 'Promotion requests, newest first'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from promotion" -f -a "show" -d 'One request: who asked, who approved, the digest, the times'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from promotion" -f -a "cancel" -d 'Withdraw a request (its requester, or an admin)'
complete -c facetctl -n "__fish_facetctl_using_subcommand help; and __fish_seen_subcommand_from server" -f -a "users" -d 'The server\'s users and their tokens'
