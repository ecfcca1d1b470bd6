/* unit-common: the record stream, UTF-8 helpers, buffers, maps, lexicons. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lexicon.h"
#include "record.h"
#include "scan.h"
#include "utf8.h"
#include "util.h"
#include "unit.h"

static void
test_utf8(void)
{
	uint32_t cp = 0;
	char enc[4];

	test_cond("decode ASCII", utf8_decode("A", 1, &cp) == 1 && cp == 'A');
	test_cond("decode 2 bytes", utf8_decode("\xc3\xa9", 2, &cp) == 2 &&
	    cp == 0xe9);
	test_cond("decode 3 bytes", utf8_decode("\xe2\x80\x99", 3, &cp) == 3 &&
	    cp == 0x2019);
	test_cond("decode 4 bytes", utf8_decode("\xf0\x9f\x93\xa7", 4, &cp) ==
	    4 && cp == 0x1f4e7);
	test_cond("overlong 2-byte rejected", utf8_decode("\xc0\xaf", 2, &cp) == 0);
	test_cond("overlong 3-byte rejected",
	    utf8_decode("\xe0\x80\xaf", 3, &cp) == 0);
	test_cond("surrogate rejected", utf8_decode("\xed\xa0\x80", 3, &cp) == 0);
	test_cond("past U+10FFFF rejected",
	    utf8_decode("\xf4\x90\x80\x80", 4, &cp) == 0);
	test_cond("truncated sequence rejected", utf8_decode("\xe2\x80", 2, &cp) == 0);
	test_cond("lone continuation rejected", utf8_decode("\x80", 1, &cp) == 0);
	test_cond("empty input", utf8_decode("", 0, &cp) == 0);
	test_cond("encode round trip", utf8_encode(0x20ac, enc) == 3 &&
	    memcmp(enc, "\xe2\x82\xac", 3) == 0);
	test_cond("encode 4 bytes", utf8_encode(0x1f600, enc) == 4 &&
	    utf8_decode(enc, 4, &cp) == 4 && cp == 0x1f600);
	test_cond("valid prefix stops at bad byte",
	    utf8_valid_prefix("ab\xc3\xa9\xff" "cd", 7) == 4);
	test_cond("valid prefix of valid text is all",
	    utf8_valid_prefix("Kyiv \xe2\x80\x94 ok", 12) == 12);
	test_cond("code points counted",
	    utf8_cpcount("Zelenskyy\xe2\x80\x99s", 13) == 11);
	/* Plain runs are counted eight bytes at a time: cross those. */
	test_cond("code points counted across 8-byte runs",
	    utf8_cpcount("abcdefgh\xc3\xa9ijklmnop\xe2\x80\x94qrstuvw", 28) ==
	    25);
	test_cond("code point offset", utf8_cpoffset("\xc3\xa9t\xc3\xa9", 5, 2) == 3);
	test_cond("code point offset past end", utf8_cpoffset("ab", 2, 5) == 2);
}

static void
test_buf(void)
{
	struct buf b = { 0 };
	int i;

	buf_adds(&b, "abc");
	buf_addc(&b, 'd');
	test_str("buf appends", b.s, b.len, "abcd");
	for (i = 0; i < 10000; i++)
		buf_addc(&b, 'x');
	test_cond("buf grows", b.len == 10004 && b.s[b.len] == '\0');
	buf_reset(&b);
	test_cond("buf reset keeps memory", b.len == 0 && b.cap > 10004 &&
	    b.s[0] == '\0');
	buf_free(&b);
	test_cond("buf free", b.s == NULL && b.cap == 0);
}

static void
test_escape(void)
{
	struct buf b = { 0 };

	rec_escape(&b, "a\\b\tc\nd\re", 9);
	test_str("escape specials", b.s, b.len, "a\\\\b\\tc\\nd\\re");
	buf_reset(&b);
	rec_escape(&b, "plain", 5);
	test_str("escape leaves plain text", b.s, b.len, "plain");
	buf_free(&b);
}

/* Write records through rec_* to a memory file, read them back. */
static void
test_records(void)
{
	char *mem = NULL;
	size_t memlen = 0;
	FILE *fp;
	struct reader *rd;
	struct record r;
	static const char text[] = "tab\there\\ and\nnewline\rcr";

	fp = open_memstream(&mem, &memlen);
	rec_begin(fp, 'S');
	rec_field(fp, "doc", 3);
	rec_ulong(fp, 12);
	rec_ulong(fp, 0);
	rec_field(fp, text, sizeof(text) - 1);
	rec_end(fp);
	fputs("# a comment\tstays\n", fp);
	fputs("XY\tdoc\tunknown \\t type\n", fp);
	fputs("P\tdoc\t1\tno final newline", fp);
	fclose(fp);
	test_str("writer escapes", mem, memlen,
	    "S\tdoc\t12\t0\ttab\\there\\\\ and\\nnewline\\rcr\n"
	    "# a comment\tstays\nXY\tdoc\tunknown \\t type\n"
	    "P\tdoc\t1\tno final newline");

	fp = fmemopen(mem, memlen, "r");
	rd = rec_open(fp, "mem");
	test_cond("read S", rec_read(rd, &r) == 1 && r.type == 'S' &&
	    r.nf == 4 && r.lineno == 1);
	test_str("S doc_id", r.f[0].s, r.f[0].len, "doc");
	test_cond("S number", rec_num(&r.f[1]) == 12 && rec_num(&r.f[2]) == 0);
	test_cond("S text unescaped", r.f[3].len == sizeof(text) - 1 &&
	    memcmp(r.f[3].s, text, sizeof(text) - 1) == 0);
	test_cond("fields NUL-terminated", r.f[0].s[3] == '\0');
	test_cond("read comment", rec_read(rd, &r) == 1 && r.type == '#');
	test_str("comment raw", r.raw, r.rawlen, "# a comment\tstays");
	test_cond("read unknown", rec_read(rd, &r) == 1 && r.type == '?' &&
	    r.nf == 2);
	test_str("unknown raw kept", r.raw, r.rawlen, "XY\tdoc\tunknown \\t type");
	test_cond("last line without LF", rec_read(rd, &r) == 1 &&
	    r.type == 'P' && r.lineno == 4);
	test_str("last line text", r.f[2].s, r.f[2].len, "no final newline");
	test_cond("end of input", rec_read(rd, &r) == 0);
	rec_close(rd);
	fclose(fp);
	free(mem);
}

/* The escape of s[0..n) written the slow, obvious way. */
static void
naive_escape(struct buf *out, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		switch (s[i]) {
		case '\\': buf_add(out, "\\\\", 2); break;
		case '\t': buf_add(out, "\\t", 2); break;
		case '\n': buf_add(out, "\\n", 2); break;
		case '\r': buf_add(out, "\\r", 2); break;
		default: buf_addc(out, s[i]);
		}
}

/*
 * The writers test fields four, eight and sixteen bytes at a time, with
 * words that overlap: a byte to escape (or a near miss) at every place
 * of every length up to 40 must come out as the obvious escape.
 */
static void
test_escape_lengths(void)
{
	static const char probe[] = "\\\t\n\r\x01\x0d\x0e\x5b\x5d\xc3";
	struct buf got = { 0 }, want = { 0 };
	char *mem, s[40];
	size_t len, pos, c, memlen, bad = 0;
	FILE *fp;

	buf_grow(&got, 1);		/* never NULL, even for "" */
	buf_grow(&want, 1);
	for (len = 0; len <= sizeof(s); len++)
		for (pos = 0; pos <= len; pos++)
			for (c = 0; c < sizeof(probe) - 1; c++) {
				memset(s, 'a', sizeof(s));
				if (pos < len)
					s[pos] = probe[c];
				buf_reset(&got);
				buf_reset(&want);
				rec_escape(&got, s, len);
				naive_escape(&want, s, len);
				if (got.len != want.len ||
				    memcmp(got.s, want.s, got.len) != 0)
					bad++;
				/* rec_field: the same, after a TAB. */
				fp = open_memstream(&mem, &memlen);
				rec_field(fp, s, len);
				fclose(fp);
				if (memlen != want.len + 1 || mem[0] != '\t' ||
				    memcmp(mem + 1, want.s, want.len) != 0)
					bad++;
				free(mem);
			}
	test_cond("rec_escape and rec_field at every length and place",
	    bad == 0);
	buf_free(&got);
	buf_free(&want);
}

/*
 * The reader looks at a line sixteen or eight bytes at a time: a
 * character of each UTF-8 length, an escape and a TAB at every place
 * across those blocks must come back as written, and a line longer than
 * the first input buffer must too.
 */
static void
test_read_blocks(void)
{
	static const char *const cut[] = {
		"\xc3\xa9", "\xe2\x80\x9c", "\xf0\x9f\x98\x80", "\xed\x9f\xbf",
		"\xf4\x8f\xbf\xbf", "\\t", "\\\\", "\x01", "]",
	};
	static const char *const want[] = {
		"\xc3\xa9", "\xe2\x80\x9c", "\xf0\x9f\x98\x80", "\xed\x9f\xbf",
		"\xf4\x8f\xbf\xbf", "\t", "\\", "\x01", "]",
	};
	struct buf in = { 0 }, text = { 0 };
	struct reader *rd;
	struct record r;
	size_t pos, c, n, bad = 0, lines = 0;
	FILE *fp;

	for (pos = 0; pos < 40; pos++)
		for (c = 0; c < sizeof(cut) / sizeof(cut[0]); c++) {
			buf_adds(&in, "S\td\t1\t2\t");
			for (n = 0; n < pos; n++)
				buf_addc(&in, 'a' + n % 26);
			buf_adds(&in, cut[c]);
			buf_adds(&in, "z\tend\n");
		}
	/* A line of 600000 bytes, a character cut by 262144 on the way. */
	buf_adds(&in, "S\td\t1\t2\t");
	for (n = 0; n < 600000; n++)
		if (n % 65536 == 65530)
			buf_adds(&in, "\xe2\x80\x9c"), n += 2;
		else
			buf_addc(&in, 'a' + n % 26);
	buf_adds(&in, "\r\n");

	fp = fmemopen(in.s, in.len, "r");
	rd = rec_open(fp, "mem");
	for (pos = 0; pos < 40; pos++)
		for (c = 0; c < sizeof(cut) / sizeof(cut[0]); c++) {
			buf_reset(&text);
			for (n = 0; n < pos; n++)
				buf_addc(&text, 'a' + n % 26);
			buf_adds(&text, want[c]);
			buf_addc(&text, 'z');
			if (rec_read(rd, &r) != 1 || r.type != 'S' ||
			    r.nf != 5 || r.f[3].len != text.len ||
			    memcmp(r.f[3].s, text.s, text.len) != 0 ||
			    r.f[3].s[text.len] != '\0' ||
			    strcmp(r.f[4].s, "end") != 0)
				bad++;
			lines++;
		}
	test_cond("characters, escapes and TABs at every place", bad == 0 &&
	    lines == 40 * sizeof(cut) / sizeof(cut[0]));
	test_cond("a line longer than the buffer, CRLF",
	    rec_read(rd, &r) == 1 && r.nf == 4 && r.f[3].len == 600000 &&
	    memcmp(r.f[3].s + 65530, "\xe2\x80\x9c", 3) == 0 &&
	    r.rawlen == 600000 + 8 && r.raw[r.rawlen] == '\0');
	test_cond("then the end", rec_read(rd, &r) == 0);
	rec_close(rd);
	fclose(fp);
	buf_free(&in);
	buf_free(&text);
}

static void
test_num(void)
{
	struct field f;

	f.s = "42"; f.len = 2;
	test_cond("rec_num 42", rec_num(&f) == 42);
	f.s = "4a"; f.len = 2;
	test_cond("rec_num rejects letters", rec_num(&f) == -1);
	f.s = ""; f.len = 0;
	test_cond("rec_num rejects empty", rec_num(&f) == -1);
	f.s = "-1"; f.len = 2;
	test_cond("rec_num rejects sign", rec_num(&f) == -1);
}

static void
test_strmap(void)
{
	struct strmap *m = strmap_new();
	char key[32];
	int i, ok = 1;
	static int vals[2000];

	for (i = 0; i < 2000; i++) {
		snprintf(key, sizeof(key), "key%d", i);
		vals[i] = i;
		strmap_put(m, key, strlen(key), &vals[i]);
	}
	for (i = 0; i < 2000; i++) {
		int *v;

		snprintf(key, sizeof(key), "key%d", i);
		v = strmap_get(m, key, strlen(key));
		ok &= v != NULL && *v == i;
	}
	test_cond("strmap finds 2000 keys after growing", ok);
	test_cond("strmap count", strmap_count(m) == 2000);
	test_cond("strmap misses unknown key", strmap_get(m, "key", 3) == NULL);
	test_cond("strmap key length matters", strmap_get(m, "key1", 3) == NULL);
	test_cond("strmap put returns old value",
	    strmap_put(m, "key7", 4, &vals[8]) == &vals[7] &&
	    strmap_get(m, "key7", 4) == &vals[8]);
	test_cond("strmap_geth agrees with strmap_get",
	    strmap_geth(m, "key42", 5, strhash("key42", 5)) == &vals[42]);
	test_cond("strmap_putnew keeps a value",
	    strmap_putnew(m, "key9", 4, &vals[1]) == &vals[9] &&
	    strmap_get(m, "key9", 4) == &vals[9]);
	test_cond("strmap_putnew adds a key",
	    strmap_putnew(m, "new", 3, &vals[3]) == NULL &&
	    strmap_get(m, "new", 3) == &vals[3] && strmap_count(m) == 2001);
	strmap_put(m, "key5", 4, NULL);
	test_cond("strmap_putnew sets a NULL value",
	    strmap_putnew(m, "key5", 4, &vals[6]) == NULL &&
	    strmap_get(m, "key5", 4) == &vals[6] && strmap_count(m) == 2001);
	strmap_free(m);
}

/* strmap_each(): every key once, in the order first put, with its value. */
struct eachlog {
	char	 text[256];
	size_t	 len;
};

static void
logeach(const char *key, size_t len, void *val, void *arg)
{
	struct eachlog *lg = arg;

	lg->len += (size_t)snprintf(lg->text + lg->len, sizeof(lg->text) -
	    lg->len, "%.*s=%d;", (int)len, key, *(int *)val);
}

static void
test_strmap_each(void)
{
	static int vals[] = { 1, 2, 3, 4 };
	/* Long enough that its entry spans several arena units. */
	static const char longkey[] = "a-key-of-forty-bytes-or-so-to-pad-it-out";
	struct strmap *m = strmap_new();
	struct eachlog lg = { "", 0 };

	strmap_put(m, "b", 1, &vals[0]);
	strmap_put(m, longkey, sizeof(longkey) - 1, &vals[1]);
	strmap_put(m, "a", 1, &vals[2]);
	strmap_put(m, "b", 1, &vals[3]);	/* a new value, same place */
	strmap_each(m, logeach, &lg);
	test_str("strmap_each order and values", lg.text, lg.len,
	    "b=4;a-key-of-forty-bytes-or-so-to-pad-it-out=2;a=3;");
	strmap_free(m);
	m = strmap_new();
	lg.len = 0;
	lg.text[0] = '\0';
	strmap_each(m, logeach, &lg);
	test_str("strmap_each on an empty map", lg.text, lg.len, "");
	strmap_free(m);
}

static void
test_strmap_blob(void)
{
	struct strmap *m = strmap_new();
	unsigned char *b;
	const unsigned char *got;
	char key[16];
	int i, ok = 1;

	b = strmap_blob(m, "word", 4);
	test_cond("strmap_blob of a new key is zeroed",
	    b[0] == 0 && b[STRMAP_BLOB - 1] == 0);
	b[0] = 7;
	b[STRMAP_BLOB - 1] = 9;
	/* Enough keys to grow the map and move the arena. */
	for (i = 0; i < 500; i++) {
		snprintf(key, sizeof(key), "w%d", i);
		strmap_blob(m, key, strlen(key))[1] = (unsigned char)i;
	}
	got = strmap_blobh(m, "word", 4, strhash("word", 4));
	test_cond("strmap_blobh keeps the bytes set",
	    got != NULL && got[0] == 7 && got[STRMAP_BLOB - 1] == 9);
	for (i = 0; i < 500; i++) {
		snprintf(key, sizeof(key), "w%d", i);
		got = strmap_blobh(m, key, strlen(key), strhash(key, strlen(key)));
		ok &= got != NULL && got[1] == (unsigned char)i;
	}
	test_cond("strmap_blobh after growing", ok);
	test_cond("strmap_blob of a known key adds none",
	    strmap_blob(m, "word", 4)[0] == 7 && strmap_count(m) == 501);
	test_cond("strmap_blobh misses unknown key",
	    strmap_blobh(m, "wor", 3, strhash("wor", 3)) == NULL);
	strmap_free(m);
}

static void
test_lexicon(void)
{
	struct lexreader lr;
	struct lexline l;
	int n = 0;

	lex_open(&lr, "# header\n\nMr.\tnever\nU.S.\tmaybe\textra\r\nlast", "t");
	test_cond("lexicon first entry", lex_next(&lr, &l) == 1 && l.ncol == 2 &&
	    strcmp(l.col[0], "Mr.") == 0 && strcmp(l.col[1], "never") == 0 &&
	    l.lineno == 3);
	test_cond("lexicon CRLF line", lex_next(&lr, &l) == 1 && l.ncol == 3 &&
	    strcmp(l.col[2], "extra") == 0 && l.len[2] == 5);
	test_cond("lexicon last line without LF", lex_next(&lr, &l) == 1 &&
	    l.ncol == 1 && strcmp(l.col[0], "last") == 0);
	while (lex_next(&lr, &l))
		n++;
	test_cond("lexicon end", n == 0);
	test_cond("hash64 differs", hash64("a", 1) != hash64("b", 1));
}

/*
 * scan_alnum64() against the obvious test, for every byte value at every
 * position of a block (the SSE2 path works in four 16-byte steps), and
 * scan_ctz64() at every bit.
 */
static void
test_scan_alnum(void)
{
	char block[64];
	uint64_t m, want;
	int v, k, ok = 1;

	for (v = 0; v < 256; v++)
		for (k = 0; k < 64; k++) {
			memset(block, ' ', sizeof(block));
			block[k] = (char)v;
			block[(k + 17) % 64] = 'q';
			m = scan_alnum64(block);
			want = (uint64_t)1 << (k + 17) % 64;
			if ((v >= 'a' && v <= 'z') || (v >= 'A' && v <= 'Z') ||
			    (v >= '0' && v <= '9'))
				want |= (uint64_t)1 << k;
			ok &= m == want;
		}
	test_cond("scan_alnum64: every byte value at every position", ok);
	for (ok = 1, k = 0; k < 64; k++)
		ok &= scan_ctz64((uint64_t)1 << k | (uint64_t)1 << 63) == k;
	test_cond("scan_ctz64: every bit", ok);
}

/*
 * pipe_grow(): a pipe is asked up to 1 MiB (Linux; at most what
 * /proc/sys/fs/pipe-max-size allows), never made smaller.
 */
static void
test_pipe_grow(void)
{
#ifdef F_GETPIPE_SZ
	FILE *fp;
	long max = 1024 * 1024, want;
	int fd[2];

	if ((fp = fopen("/proc/sys/fs/pipe-max-size", "r")) != NULL) {
		if (fscanf(fp, "%ld", &max) != 1)
			max = 1024 * 1024;
		fclose(fp);
	}
	want = max < 1024 * 1024 ? max : 1024 * 1024;
	if (pipe(fd) != 0) {
		test_cond("pipe_grow: pipe(2)", 0);
		return;
	}
	test_cond("pipe_grow: a new pipe is smaller",
	    fcntl(fd[1], F_GETPIPE_SZ) < want);
	pipe_grow(fd[1]);
	test_cond("pipe_grow: 1 MiB", fcntl(fd[1], F_GETPIPE_SZ) >= want);
	/* Only root, or a larger pipe-max-size, may make one of 2 MiB. */
	if (fcntl(fd[0], F_SETPIPE_SZ, 2 * 1024 * 1024) >= 0) {
		pipe_grow(fd[0]);
		test_cond("pipe_grow: a larger pipe kept",
		    fcntl(fd[0], F_GETPIPE_SZ) >= 2 * 1024 * 1024);
	}
	close(fd[0]);
	close(fd[1]);
#endif
}

int
main(void)
{
	test_utf8();
	test_buf();
	test_escape();
	test_records();
	test_escape_lengths();
	test_read_blocks();
	test_num();
	test_strmap();
	test_strmap_each();
	test_strmap_blob();
	test_lexicon();
	test_scan_alnum();
	test_pipe_grow();
	return test_report();
}
