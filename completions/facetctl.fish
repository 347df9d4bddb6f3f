complete --keep-order --exclusive --command facetctl --arguments "(COMPLETE=fish facetctl -- (commandline --current-process --tokenize --cut-at-cursor) (commandline --current-token))"
