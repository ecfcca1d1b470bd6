/*
 * docid.c: see docid.h.  The ids made so far are remembered as 64-bit
 * hashes only, so a run of millions of documents stays small.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docid.h"
#include "lexicon.h"
#include "util.h"

struct idset {
	uint64_t	*seen;		/* open addressing; 0 marks a free slot */
	size_t		 nseen, seencap;
};

struct idset *
idset_new(void)
{
	return ecalloc(1, sizeof(struct idset));
}

void
idset_free(struct idset *d)
{
	if (d == NULL)
		return;
	free(d->seen);
	free(d);
}

/* Was the id s[0..n) made before?  Remembers it if not. */
static int
seen_id(struct idset *d, const char *s, size_t n)
{
	uint64_t h = hash64(s, n);
	size_t i;

	h += h == 0;
	if ((d->nseen + 1) * 2 > d->seencap) {
		uint64_t *old = d->seen;
		size_t oldcap = d->seencap;

		d->seencap = d->seencap ? d->seencap * 2 : 1024;
		d->seen = ecalloc(d->seencap, sizeof(*d->seen));
		d->nseen = 0;
		for (i = 0; i < oldcap; i++) {
			size_t j = (size_t)old[i] & (d->seencap - 1);

			if (old[i] == 0)
				continue;
			while (d->seen[j] != 0)
				j = (j + 1) & (d->seencap - 1);
			d->seen[j] = old[i];
			d->nseen++;
		}
		free(old);
	}
	for (i = (size_t)h & (d->seencap - 1); d->seen[i] != 0;
	    i = (i + 1) & (d->seencap - 1))
		if (d->seen[i] == h)
			return 1;
	d->seen[i] = h;
	d->nseen++;
	return 0;
}

static void
strip_suffix(struct buf *b, const char *suffix)
{
	size_t k = strlen(suffix);

	if (b->len > k && memcmp(b->s + b->len - k, suffix, k) == 0)
		b->s[b->len -= k] = '\0';
}

/* A URL as an id: the scheme dropped, other than [A-Za-z0-9._-] to '_'. */
static void
url_id(struct buf *id, const char *url)
{
	const char *p = strstr(url, "://");
	int under = 0;

	for (p = p ? p + 3 : url; *p != '\0' && id->len < 120; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '.' || *p == '-') {
			buf_addc(id, *p);
			under = 0;
		} else if (!under && id->len > 0) {
			buf_addc(id, '_');
			under = 1;
		}
	}
	while (id->len > 0 && id->s[id->len - 1] == '_')
		id->s[--id->len] = '\0';
}

void
docid_make(struct idset *d, struct buf *id, const struct document *in,
    enum idmode idmode)
{
	const char *base;
	size_t stem;
	unsigned long k;
	char sfx[24];

	buf_reset(id);
	if (idmode == IDM_HASH) {
		snprintf(sfx, sizeof(sfx), "%016llx",
		    (unsigned long long)hash64(in->text, in->len));
		buf_adds(id, sfx);
	} else if (in->idfrom == ID_URL)
		url_id(id, in->name);
	else if (in->idfrom == ID_GIVEN)
		buf_adds(id, in->name);
	else if (strcmp(in->name, "-") == 0)
		buf_adds(id, "stdin");
	else {
		base = idmode == IDM_PATH ? in->name : strrchr(in->name, '/');
		base = base == NULL ? in->name : base + (idmode == IDM_NAME);
		buf_adds(id, base);
		strip_suffix(id, ".gz");
		strip_suffix(id, ".txt");
	}
	if (id->len == 0)
		buf_adds(id, "doc");
	stem = id->len;
	for (k = 2; seen_id(d, id->s, id->len); k++) {
		id->len = stem;
		snprintf(sfx, sizeof(sfx), "-%lu", k);
		buf_adds(id, sfx);
	}
}
