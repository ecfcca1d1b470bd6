/*
 * fuzz.h: what the libFuzzer harnesses of tests/fuzz/ share.
 *
 * Harnesses are linked with -Wl,--wrap=exit: the filters' code reports
 * bad input by exiting 1 (rec_error), which a harness expects, so inside
 * FUZZ_TRY an exit jumps back to the harness instead; anywhere else it
 * exits for real.  fuzz_quiet() sends the library's messages (warnx,
 * rec_error) to /dev/null; sanitizer reports go to file descriptor 2
 * directly and still show.
 */
#ifndef FUZZ_H
#define FUZZ_H

#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static jmp_buf fuzz_jmp;
static volatile int fuzz_guarded;

void __real_exit(int) __attribute__((noreturn));
void __wrap_exit(int) __attribute__((noreturn));

void
__wrap_exit(int status)
{
	if (fuzz_guarded) {
		fuzz_guarded = 0;
		longjmp(fuzz_jmp, status + 1);
	}
	__real_exit(status);
}

/* if (FUZZ_TRY()) { code that may exit } else { it exited }; then FUZZ_END() */
#define FUZZ_TRY()	(setjmp(fuzz_jmp) == 0 && (fuzz_guarded = 1))
#define FUZZ_END()	(fuzz_guarded = 0)

static void __attribute__((unused))
fuzz_quiet(void)
{
	FILE *fp;

	if (getenv("FUZZ_VERBOSE") == NULL && (fp = fopen("/dev/null", "w")))
		stderr = fp;
}

/* Abort (a crash libFuzzer records) with a message when cond is false. */
#define FUZZ_ASSERT(cond) do {						\
	if (!(cond)) {							\
		fprintf(stdout, "%s:%d: assertion failed: %s\n",	\
		    __FILE__, __LINE__, #cond);				\
		fflush(stdout);						\
		abort();						\
	}								\
} while (0)

#endif
