/* unit-sentences: abbreviation classes and boundaries of common/sentences.c. */
#include <stdio.h>
#include <string.h>

#include "sentences.h"
#include "unit.h"

static struct sentlist sl;

static int
cls(const char *tok, int prevcap)
{
	return sent_classify(tok, strlen(tok), prevcap);
}

/*
 * Split text and compare with the expected sentences, given joined by
 * '|'.  Also checks the list's promises: in order, non-empty, trimmed.
 */
static void
split(const char *text, const char *want)
{
	char got[2048], what[2100];
	size_t i, len, n = 0, prev = 0;
	int ok = 1;

	sent_split(text, strlen(text), &sl);
	for (i = 0; i < sl.n; i++) {
		len = sl.v[i].end - sl.v[i].start;
		if (len == 0 || sl.v[i].start < prev ||
		    text[sl.v[i].start] == ' ' || text[sl.v[i].end - 1] == ' ')
			ok = 0;
		prev = sl.v[i].end;
		if (n + len + 2 > sizeof(got))
			break;
		if (i > 0)
			got[n++] = '|';
		memcpy(got + n, text + sl.v[i].start, len);
		n += len;
	}
	got[n] = '\0';
	snprintf(what, sizeof(what), "split: %s", want);
	test_cond(what, ok && strcmp(got, want) == 0);
	if (!ok || strcmp(got, want) != 0)
		printf("	got: %s\n", got);
}

static void
test_classes(void)
{
	test_cond("Mr is a title", cls("Mr", 0) == SENT_TITLE);
	test_cond("Gen is a title", cls("Gen", 0) == SENT_TITLE);
	test_cond("lower-case rep can end", cls("rep", 0) == SENT_END);
	test_cond("U.S can end", cls("U.S", 0) == SENT_END);
	test_cond("u.s matched without case", cls("u.s", 0) == SENT_END);
	test_cond("Corp can end", cls("Corp", 0) == SENT_END);
	test_cond("p.m can end", cls("p.m", 0) == SENT_END);
	test_cond("No wants a number", cls("No", 0) == SENT_NUMBER);
	test_cond("Jan wants a number", cls("Jan", 0) == SENT_NUMBER);
	test_cond("p wants a number", cls("p", 0) == SENT_NUMBER);
	test_cond("N° wants a number", cls("N\xc2\xb0", 0) == SENT_NUMBER);
	test_cond("e.g never ends", cls("e.g", 0) == SENT_NEVER);
	test_cond("vs never ends", cls("vs", 0) == SENT_NEVER);
	test_cond("St before a name is Saint", cls("St", 0) == SENT_TITLE);
	test_cond("St after Main is Street", cls("St", 1) == SENT_END);
	test_cond("W is an initial", cls("W", 0) == SENT_INITIAL);
	test_cond("J.C are initials", cls("J.C", 0) == SENT_INITIAL);
	test_cond("i.v is a lower-case acronym", cls("i.v", 0) == SENT_END);
	test_cond("house is ordinary", cls("house", 0) == SENT_ORDINARY);
	test_cond("100.00 is ordinary", cls("100.00", 0) == SENT_ORDINARY);
	test_cond("a URL is ordinary", cls("https://x.org/a.b", 0) ==
	    SENT_ORDINARY);
	test_cond("an e-mail address is ordinary", cls("jane@x.org", 0) ==
	    SENT_ORDINARY);
	test_cond("empty token is ordinary", cls("", 0) == SENT_ORDINARY);
}

static void
test_boundaries(void)
{
	split("", "");
	split("   ", "");
	split("No final punctuation", "No final punctuation");
	split("  One.  Two.  ", "One.|Two.");
	split("Hello Mr. Smith. Bye.", "Hello Mr. Smith.|Bye.");
	split("I live in the U.S. How about you?",
	    "I live in the U.S.|How about you?");
	split("I work for the U.S. Government in Virginia.",
	    "I work for the U.S. Government in Virginia.");
	split("There were 500 cases in the U.S. Millions were tested.",
	    "There were 500 cases in the U.S.|Millions were tested.");
	split("Jonas E. Smith left. We did, you and I. Did you?",
	    "Jonas E. Smith left.|We did, you and I.|Did you?");
	split("She has $100.00. It is 3.5% more.",
	    "She has $100.00.|It is 3.5% more.");
	split("\"Who?\" he asked. \"Me!\" She smiled.",
	    "\"Who?\" he asked.|\"Me!\"|She smiled.");
	split("Yahoo! in the news.", "Yahoo! in the news.");
	split("Wait... what? Then... The end.",
	    "Wait... what?|Then...|The end.");
	split("Mail jane.doe@example.com. Now.",
	    "Mail jane.doe@example.com.|Now.");
	split("See https://a.example/b.c. It is.",
	    "See https://a.example/b.c.|It is.");
	split("Read more. https://t.co/x", "Read more. https://t.co/x");
	split("It ended. (So it did.) Fine.", "It ended.|(So it did.)|Fine.");
	split("• One • Two", "• One|• Two");
	split("1. The first 2. The second", "1. The first|2. The second");
	split("Turn to p. 55 now. No. 10 is here.",
	    "Turn to p. 55 now.|No. 10 is here.");
	split("Hi.\xe2\x80\xa6 Bye", "Hi.\xe2\x80\xa6|Bye");
	split("Text\xc2\xa0 .\xc2\xa0 Next", "Text\xc2\xa0 .|Next");
	split("...", "...");
	split("!!! ???", "!!! ???");
	split("Q. Who? A. Me.", "Q. Who?|A. Me.");
	split("Will NATO Act? Experts Weigh In",
	    "Will NATO Act? Experts Weigh In");
	split("It is so. It Works Here Now", "It is so.|It Works Here Now");
}

int
main(void)
{
	test_classes();
	test_boundaries();
	sent_free(&sl);
	return test_report();
}
