/*
 * csvcat: read CSV on stdin with libcsv's strict parser and print each row
 * as fields escaped like the record stream (\\ \t \n \r), each preceded
 * by a TAB (so a row reads like a record without its type), for tests to
 * compare tables with the records they came from.  Exit 1 on a
 * CSV error.
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>

#include "record.h"
#include "util.h"

static void
on_field(void *s, size_t n, void *arg)
{
	(void)arg;
	rec_field(stdout, s, n);
}

static void
on_row(int c, void *arg)
{
	(void)c;
	(void)arg;
	putchar('\n');
}

int
main(void)
{
	struct csv_parser p;
	char buf[65536];
	size_t n;

	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		return 1;
	while ((n = fread(buf, 1, sizeof(buf), stdin)) > 0)
		if (csv_parse(&p, buf, n, on_field, on_row, NULL) != n) {
			fprintf(stderr, "csvcat: %s\n",
			    csv_strerror(csv_error(&p)));
			return 1;
		}
	if (csv_fini(&p, on_field, on_row, NULL) != 0) {
		fprintf(stderr, "csvcat: %s\n", csv_strerror(csv_error(&p)));
		return 1;
	}
	csv_free(&p);
	return closeout();
}
