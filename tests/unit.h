/*
 * unit.h: a tiny unit-test harness (after antirez's testhelp.h).
 * Each check prints "PASS what" or "FAIL file:line: what"; test_report()
 * returns the exit status for main().
 */
#ifndef UNIT_H
#define UNIT_H

#include <stdio.h>
#include <string.h>

static int unit_failed;

#define test_cond(what, cond) do {					\
	if (cond)							\
		printf("PASS %s\n", what);				\
	else {								\
		printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, what);	\
		unit_failed++;						\
	}								\
} while (0)

/* Compare a byte range with an expected NUL-terminated string. */
#define test_str(what, got, gotlen, want) \
	test_cond(what, (gotlen) == strlen(want) && memcmp((got), (want), (gotlen)) == 0)

#define test_report() (fflush(stdout), unit_failed != 0)

#endif
