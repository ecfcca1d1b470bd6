/* unit-clean: checks of clean_text() (common/clean.c). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "clean.h"
#include "unit.h"
#include "utf8.h"
#include "util.h"

static struct buf out;

/* Clean the n bytes of in; the result is in out. */
static const char *
clean(const char *in, size_t n)
{
	buf_reset(&out);
	clean_text(&out, in, n);
	buf_addc(&out, '\0');	/* an empty result is still a string */
	out.len--;
	return out.s;
}

/* Check that cleaning the NUL-terminated in gives want. */
static void
check(const char *what, const char *in, const char *want)
{
	clean(in, strlen(in));
	test_str(what, out.s, out.len, want);
	if (out.len != strlen(want) || memcmp(out.s, want, out.len) != 0)
		printf("    got \"%s\"\n    want \"%s\"\n", out.s, want);
}

/* Check that in comes out unchanged. */
static void
same(const char *what, const char *in)
{
	check(what, in, in);
}

static void
decoding(void)
{
	check("cp1252 quotes and dash", "\x93quoted\x94 \x96 it\x92s",
	    "\"quoted\" \xe2\x80\x93 it's");
	check("cp1252 euro and ellipsis", "\x80" "5\x85", "\xe2\x82\xac" "5\xe2\x80\xa6");
	check("cp1252 letters", "caf\xe9 na\xefve \x8a\x9a", "caf\xc3\xa9 na\xc3\xafve \xc5\xa0\xc5\xa1");
	check("cp1252 undefined bytes dropped", "a\x81\x8d\x8f\x90\x9d" "b", "ab");
	check("valid and invalid UTF-8 mixed", "caf\xc3\xa9 caf\xe9",
	    "caf\xc3\xa9 caf\xc3\xa9");
	check("truncated sequence at the end", "ab\xe2\x80", "ab\xc3\xa2\xe2\x82\xac");
	check("truncated 4-byte sequence at the end", "x\xf0\x9f\x98", "x\xc3\xb0\xc5\xb8\xcb\x9c");
	check("overlong slash is two bytes", "a\xc0\xaf" "b", "a\xc3\x80\xc2\xaf" "b");
	check("overlong 3-byte", "\xe0\x80\xaf", "\xc3\xa0\xe2\x82\xac\xc2\xaf");
	check("surrogate is three bytes", "\xed\xa0\x80", "\xc3\xad \xe2\x82\xac");
	check("past U+10FFFF", "\xf4\x90\x80\x80", "\xc3\xb4\xe2\x82\xac\xe2\x82\xac");
	check("bytes F5-FF", "\xf5\xff", "\xc3\xb5\xc3\xbf");
	same("emoji kept", "ok \xf0\x9f\x98\x80");
	same("CJK kept", "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e");
}

static void
mojibake(void)
{
	check("apostrophe", "don\xc3\xa2\xe2\x82\xac\xe2\x84\xa2t", "don't");
	check("e acute", "caf\xc3\x83\xc2\xa9", "caf\xc3\xa9");
	check("curly double quotes",
	    "\xc3\xa2\xe2\x82\xac\xc5\x93hi\xc3\xa2\xe2\x82\xac\xc2\x9d", "\"hi\"");
	check("en dash", "a \xc3\xa2\xe2\x82\xac\xe2\x80\x9c b", "a \xe2\x80\x93 b");
	check("em dash", "a\xc3\xa2\xe2\x82\xac\xe2\x80\x9d" "b", "a\xe2\x80\x94" "b");
	check("ellipsis", "wait\xc3\xa2\xe2\x82\xac\xc2\xa6", "wait\xe2\x80\xa6");
	check("trademark", "Acme\xc3\xa2\xe2\x80\x9e\xc2\xa2", "Acme\xe2\x84\xa2");
	check("capital letter with 0x80-0x9f byte", "ZUR\xc3\x83\xc5\x93" "CK", "ZUR\xc3\x9c" "CK");
	check("NBSP mojibake", "10\xc3\x82\xc2\xa0km", "10 km");
	check("pound sign", "\xc3\x82\xc2\xa3" "5", "\xc2\xa3" "5");
	check("double encoding",
	    "doesn\xc3\x83\xc2\xa2\xc3\xa2\xe2\x80\x9a\xc2\xac\xc3\xa2\xe2\x80\x9e\xc2\xa2t",
	    "doesn't");
	check("double encoded e acute", "n\xc3\x83\xc6\x92\xc3\x82\xc2\xa9", "n\xc3\xa9");
	check("C1 bytes as UTF-8 (Latin-1 misread)", "it\xc3\xa2\xc2\x80\xc2\x99s", "it's");
	check("mojibake beside a good apostrophe",
	    "l\xe2\x80\x99humanit\xc3\x83\xc2\xa9", "l'humanit\xc3\xa9");
	check("a grave before a space", "voil\xc3\x83 le travail", "voil\xc3\xa0 le travail");
	check("BOM mojibake dropped", "\xc3\xaf\xc2\xbb\xc2\xbfTitle", "Title");
	check("Cyrillic through Windows-1251",
	    "\xd0\xa0\xd2\x91\xd0\xa0\xd1\x95\xd0\xa1\xd0\x82"
	    "\xd0\xa0\xd1\x95\xd0\xa0\xd1\x96\xd0\xa0\xc2\xb5",
	    "\xd0\xb4\xd0\xbe\xd1\x80\xd0\xbe\xd0\xb3\xd0\xb5");
	check("MacRoman", "wei\xe2\x88\x9a\xc3\xbc", "wei\xc3\x9f");
	check("CESU-8 emoji", "hi \xc3\xad\xc2\xa0\xc2\xbd\xc3\xad\xc2\xb8\xc2\x8d",
	    "hi \xf0\x9f\x98\x8d");
	check("lost byte becomes U+FFFD", "a \xc3\xa2\xe2\x82\xac\xef\xbf\xbd b",
	    "a \xef\xbf\xbd b");
	check("Windows-1252 bytes of mojibake", "don\xe2\x80\x99t caf\xc3\xa9", "don't caf\xc3\xa9");
}

static void
negatives(void)
{
	same("French", "\xc3\x80 la fa\xc3\xa7on de l'\xc3\xa9t\xc3\xa9 \xe2\x80\x94 d\xc3\xa9j\xc3\xa0");
	same("Spanish", "\xc2\xbfQu\xc3\xa9 pas\xc3\xb3? \xc2\xa1" "Espa\xc3\xb1" "a!");
	same("German", "Stra\xc3\x9f" "e \xc3\x9c" "ber gr\xc3\xb6\xc3\x9f" "er");
	same("Portuguese capitals", "S\xc3\x83O PAULO \xc3\x89 N\xc3\x83O");
	same("Vietnamese", "Ti\xe1\xba\xbfng Vi\xe1\xbb\x87t");
	same("Cyrillic", "\xd0\x9a\xd0\xb8\xd1\x97\xd0\xb2 \xd0\xa3\xd0\xba\xd1\x80\xd0\xb0\xd1\x97\xd0\xbd\xd0\xb0");
	same("Greek", "\xce\x91\xce\xb8\xce\xae\xce\xbd\xce\xb1");
	same("A with tilde alone", "C O N C L U S \xc3\x83 O");
	same("A with tilde and apostrophe", "a lot of \xc3\x83's");
	same("capital before ellipsis", "VOC\xc3\x8a\xe2\x80\xa6");
	same("A ring before trademark", "AH\xc3\x85\xe2\x84\xa2, the sofa");
	same("registered sign", "NESTL\xc3\x89\xc2\xae");
	same("multiplication and pound", "5\xc3\x97\xc2\xa3" "35");
	same("e diaeresis, ellipsis, quote", "Bront\xc3\xab\xe2\x80\xa6\"");
	same("math", "(-1/2)! = \xe2\x88\x9a\xcf\x80");
	same("Ukrainian capitals", "\xd0\x92\xd0\x86\xd0\x9a\xd0\x86 is WIKI");
	same("em dash and infinity", "2012\xe2\x80\x94\xe2\x88\x9e");
	check("French NBSP and guillemets", "dit \xc3\xa0\xc2\xa0\xc2\xab non \xe2\x80\x99",
	    "dit \xc3\xa0 \xc2\xab non '");
	check("NBSP before a closing guillemet", "l'\xc3\xa9t\xc3\xa9\xc2\xa0\xc2\xbb",
	    "l'\xc3\xa9t\xc3\xa9 \xc2\xbb");
	check("voila, NBSP, guillemet", "voil\xc3\xa0\xc2\xa0\xc2\xbb", "voil\xc3\xa0 \xc2\xbb");
}

static void
controls(void)
{
	check("BOM dropped", "\xef\xbb\xbfhello", "hello");
	check("BOM inside dropped", "a\xef\xbb\xbf" "b", "ab");
	clean("a\0b\0", 4);
	test_str("NUL bytes counted by length", out.s, out.len, "ab");
	check("C0 controls dropped, TAB kept", "a\x01\x07\tb\x1b\x7f" "c", "a\tbc");
	check("C1 control as UTF-8 dropped", "a\xc2\x81" "b", "ab");
	check("C1 with a cp1252 meaning mapped", "wait\xc2\x85", "wait\xe2\x80\xa6");
	check("CRLF", "a\r\nb\r\n", "a\nb\n");
	check("lone CR", "a\rb\r", "a\nb\n");
	check("CR CR LF", "a\r\r\nb", "a\n\nb");
	check("CRLF in a non-ASCII line", "caf\xc3\xa9\r\nx", "caf\xc3\xa9\nx");
	check("LF kept", "a\n\nb", "a\n\nb");
	check("line separators", "a\xe2\x80\xa8" "b", "a\nb");
	check("empty", "", "");
}

static void
unicode(void)
{
	check("NFC: e and combining acute", "cafe\xcc\x81", "caf\xc3\xa9");
	check("NFC: combining marks reordered", "a\xcc\x81\xcc\xa3", "\xe1\xba\xa1\xcc\x81");
	check("NFC: Angstrom sign", "\xe2\x84\xab", "\xc3\x85");
	check("NFC: Hangul jamo", "\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab", "\xed\x95\x9c");
	check("NBSP", "a\xc2\xa0" "b", "a b");
	check("exotic spaces", "a\xe2\x80\x83" "b\xe2\x80\xaf" "c\xe3\x80\x80" "d\xe2\x80\x89" "e\xe1\x9a\x80" "f",
	    "a b c d e f");
	check("zero-width characters", "a\xe2\x80\x8b" "b\xe2\x80\x8c" "c\xe2\x80\x8d" "d\xe2\x81\xa0" "e", "abcde");
	check("soft hyphen", "hy\xc2\xad" "phen", "hyphen");
	check("soft hyphen as cp1252 byte", "hy\xad" "phen", "hyphen");
	check("curly single quotes", "\xe2\x80\x98hi\xe2\x80\x99 \xe2\x80\x9a\xe2\x80\x9b", "'hi' \"");
	check("curly double quotes", "\xe2\x80\x9c" "a\xe2\x80\x9d \xe2\x80\x9e" "b\xe2\x80\x9f", "\"a\" \"b\"");
	check("two apostrophes", "''quoted''", "\"quoted\"");
	check("three apostrophes", "'''", "\"'");
	check("two curly apostrophes", "\xe2\x80\x99\xe2\x80\x99", "\"");
	same("ellipsis and dashes stay", "a\xe2\x80\xa6 b\xe2\x80\x94" "c\xe2\x80\x93" "d");
	same("primes stay", "5\xe2\x80\xb2" "11\xe2\x80\xb3");
}

/* Special bytes at every offset of the 8-byte ASCII scan. */
static void
word_scan(void)
{
	static const char *special[] = { "\x01", "\x1f", "\x7f", "''", "\r" };
	static const char *want[] = { "", "", "", "\"", "\n" };
	char in[64], exp[64], what[64];
	size_t k, pos, bad = 0;

	for (k = 0; k < sizeof(special) / sizeof(special[0]); k++)
		for (pos = 0; pos < 20; pos++) {
			snprintf(in, sizeof(in), "%.*s%s%s", (int)pos,
			    "abcdefghijklmnopqrstuvwxyz", special[k],
			    "0123456789ABCDEFGHIJ");
			snprintf(exp, sizeof(exp), "%.*s%s%s", (int)pos,
			    "abcdefghijklmnopqrstuvwxyz", want[k],
			    "0123456789ABCDEFGHIJ");
			clean(in, strlen(in));
			if (out.len != strlen(exp) || memcmp(out.s, exp, out.len)) {
				snprintf(what, sizeof(what), "byte %zu at %zu", k, pos);
				test_cond(what, 0);
				bad++;
			}
		}
	test_cond("special bytes found at every offset", bad == 0);
	check("single apostrophes stay", "it's 'fine' isn't it", "it's 'fine' isn't it");
	check("apostrophe pair across 8-byte words", "abcdefg''hij", "abcdefg\"hij");
}

/* Any bytes in, valid UTF-8 out; no NUL, no CR. */
static void
random_bytes(void)
{
	static const char pick[] = "a \n\r\t\xc3\xa2\xe2\x80\x99\xc2\x9d\xed\xa0\xf0\x9f\xef\xbf\xbd'?";
	char in[512];
	size_t i, n, bad = 0;
	unsigned long seed = 12345;
	int round;

	for (round = 0; round < 20000; round++) {
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		n = (size_t)(seed >> 33) % sizeof(in);
		for (i = 0; i < n; i++) {
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			in[i] = round & 1 ? (char)(seed >> 33) :
			    pick[(seed >> 33) % (sizeof(pick) - 1)];
		}
		clean(in, n);
		if (utf8_valid_prefix(out.s, out.len) != out.len ||
		    memchr(out.s, '\0', out.len) || memchr(out.s, '\r', out.len))
			bad++;
	}
	test_cond("20000 random inputs give valid UTF-8", bad == 0);
}

/* A line longer than a piece (64 KiB) with mojibake on both sides. */
static void
long_line(void)
{
	struct buf in = { 0 };
	size_t i;

	for (i = 0; i < 20000; i++)
		buf_adds(&in, "caf\xc3\x83\xc2\xa9 ");
	clean(in.s, in.len);
	test_cond("long line: length", out.len == 20000 * 6);
	test_cond("long line: repaired at both ends",
	    memcmp(out.s, "caf\xc3\xa9 ", 6) == 0 &&
	    memcmp(out.s + out.len - 6, "caf\xc3\xa9 ", 6) == 0);
	test_cond("long line: valid", utf8_valid_prefix(out.s, out.len) == out.len);
	buf_free(&in);
}

/* Whether the cleaned text in out is in NFC, by utf8proc. */
static int
out_is_nfc(void)
{
	utf8proc_uint8_t *nfc;
	int same;

	if ((nfc = utf8proc_NFC((const utf8proc_uint8_t *)out.s)) == NULL)
		return 0;
	same = strlen((char *)nfc) == out.len &&
	    memcmp(nfc, out.s, out.len) == 0;
	free(nfc);
	return same;
}

/*
 * clean_text() skips NFC on lines it finds already normalized (clean.c,
 * unstable()): each character "Yes", no marks out of order.  Check that
 * judgement against utf8proc's data: every canonical decomposition, put
 * back together by cleaning, and every character after a letter come out
 * in NFC.
 */
static void
nfc_facts(void)
{
	utf8proc_int32_t d[32], x;
	char in[256];
	size_t n;
	utf8proc_ssize_t r, i;
	int bc, bad = 0;
	uint32_t badcp = 0;

	for (x = 0x80; x < 0x20000; x++) {
		if (x >= 0xd800 && x < 0xe000)
			continue;
		/* "a", the decomposition of x (if any), x, "b" */
		n = 0;
		in[n++] = 'a';
		bc = 0;
		r = utf8proc_decompose_char(x, d, 32, UTF8PROC_DECOMPOSE, &bc);
		if (r > 1 || (r == 1 && d[0] != x))
			for (i = 0; i < r; i++)
				n += (size_t)utf8_encode((uint32_t)d[i], in + n);
		n += (size_t)utf8_encode((uint32_t)x, in + n);
		in[n++] = 'b';
		clean(in, n);
		if (!out_is_nfc() && bad++ == 0)
			badcp = (uint32_t)x;
	}
	test_cond("cleaned text is in NFC (decompositions, every character)",
	    bad == 0);
	if (bad)
		printf("    %d failures, the first at U+%04X\n", bad, badcp);
}

int
main(void)
{
	decoding();
	mojibake();
	negatives();
	controls();
	unicode();
	word_scan();
	random_bytes();
	long_line();
	nfc_facts();
	buf_free(&out);
	return test_report();
}
