/*
 * rusage: run a command and write its wall-clock seconds, user and system
 * CPU seconds and peak resident set size (KiB) to a file, for scripts/bench.
 *
 *	rusage OUTFILE COMMAND [ARG ...]
 *
 * OUTFILE gets one line "WALL USER SYS MAXRSS STATUS": seconds, KiB and
 * the exit status.  The CPU times and the
 * peak RSS include the command's own waited-for children (sh -c, xargs).
 * Exits with the command's status (128 + signal when it was killed).
 * Built by scripts/bench itself, so it needs nothing beyond POSIX and Linux
 * or BSD wait4(2).
 */
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>

#include <err.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static double
secs(struct timeval tv)
{
	return tv.tv_sec + tv.tv_usec / 1e6;
}

int
main(int argc, char *argv[])
{
	struct timespec t0, t1;
	struct rusage ru;
	FILE *fp;
	pid_t pid;
	int st;

	if (argc < 3) {
		fprintf(stderr, "usage: rusage OUTFILE COMMAND [ARG ...]\n");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((pid = fork()) < 0)
		err(1, "fork");
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		err(127, "%s", argv[2]);
	}
	if (wait4(pid, &st, 0, &ru) < 0)
		err(1, "wait4");
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if ((fp = fopen(argv[1], "w")) == NULL)
		err(1, "%s", argv[1]);
	st = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	fprintf(fp, "%.3f %.3f %.3f %ld %d\n", (t1.tv_sec - t0.tv_sec) +
	    (t1.tv_nsec - t0.tv_nsec) / 1e9, secs(ru.ru_utime),
	    secs(ru.ru_stime), ru.ru_maxrss, st);
	if (fclose(fp) != 0)
		err(1, "%s", argv[1]);
	return st;
}
