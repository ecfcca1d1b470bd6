/*
 * entities-data.c: the compiled-in lexicons of tag-entities(1), in one
 * place for the filter, its tests and its fuzzer.
 */
#include "entities.h"

#include "lex_ner-common.h"
#include "lex_ner-cues.h"
#include "lex_ner-given.h"
#include "lex_ner-groups.h"
#include "lex_ner-keywords.h"
#include "lex_ner-notnames.h"
#include "lex_ner-orgs.h"
#include "lex_ner-people.h"
#include "lex_ner-places.h"
#include "lex_ner-titles.h"

struct nerlex *
nerlex_builtin(char *const files[], int n)
{
	struct nerlex *lx = nerlex_new();
	int i;

	/* The first spelling of a name wins: the user's lists come first. */
	for (i = 0; i < n; i++)
		nerlex_load_file(lx, files[i]);
	nerlex_load(lx, lex_ner_people, "ner-people.tsv", LEX_ENTITIES);
	nerlex_load(lx, lex_ner_orgs, "ner-orgs.tsv", LEX_ENTITIES);
	nerlex_load(lx, lex_ner_places, "ner-places.tsv", LEX_ENTITIES);
	nerlex_load(lx, lex_ner_groups, "ner-groups.tsv", LEX_ENTITIES);
	nerlex_load(lx, lex_ner_given, "ner-given.tsv", LEX_GIVEN);
	nerlex_load(lx, lex_ner_titles, "ner-titles.tsv", LEX_TITLES);
	nerlex_load(lx, lex_ner_keywords, "ner-keywords.tsv", LEX_KEYWORDS);
	nerlex_load(lx, lex_ner_common, "ner-common.tsv", LEX_COMMON);
	nerlex_load(lx, lex_ner_notnames, "ner-notnames.tsv", LEX_NOTNAMES);
	nerlex_load(lx, lex_ner_cues, "ner-cues.tsv", LEX_CUES);
	return lx;
}
