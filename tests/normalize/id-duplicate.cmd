$BIN/normalize tests/data/dup1/same.txt tests/data/dup2/same.txt tests/data/dup1/same.txt
