/*
 * input.h: the inputs of normalize: files, directories, stdin; gzip or
 * plain, told apart by the gzip magic bytes (zlib), never by the name.
 */
#ifndef INPUT_H
#define INPUT_H

#include <stddef.h>

/*
 * Called once per input file with its whole (decompressed) content.
 * path is the path as reached ("-" for stdin); data[len] is a NUL, and
 * data stays valid only until fn returns.  fn returns 0, or 1 to have
 * input_each() report failure (its own message already printed).
 */
typedef int (*input_fn)(const char *path, const char *data, size_t len,
    void *arg);

/*
 * Read every input named in paths[0..n): a file; a directory, walked
 * recursively with entries in byte order of their names and hidden ones
 * (leading '.') skipped; "-" for stdin; no paths at all means stdin.
 * Concatenated gzip members are read as one stream.  An input that cannot
 * be read, or a corrupt or truncated gzip file, is reported as
 * "PROG: PATH: WHAT", not passed to fn, and the walk goes on.  Returns 0,
 * or 1 if any input failed or fn returned non-zero.
 */
int	input_each(char *const paths[], int n, input_fn fn, void *arg);

#endif
