$BIN/normalize --id=path tests/data/dup1/same.txt tests/data/tree/sub/c.txt.gz
