$BIN/tag-entities --bogus </dev/null
