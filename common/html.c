/*
 * html.c: the visible text of HTML pages (WARC response records) and the
 * decoding of character references (HTML pages, Gigaword SGML).  Not a
 * full HTML parser: a single pass over the bytes that knows which
 * elements break a line, which hold no text worth keeping, and the
 * entities news pages use.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dumps.h"
#include "utf8.h"

static const struct {
	const char	*name;
	uint32_t	 cp;
} entities[] = {
	{ "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' },
	{ "apos", '\'' }, { "nbsp", 0xa0 }, { "ndash", 0x2013 },
	{ "mdash", 0x2014 }, { "lsquo", 0x2018 }, { "rsquo", 0x2019 },
	{ "sbquo", 0x201a }, { "ldquo", 0x201c }, { "rdquo", 0x201d },
	{ "bdquo", 0x201e }, { "hellip", 0x2026 }, { "laquo", 0xab },
	{ "raquo", 0xbb }, { "copy", 0xa9 }, { "reg", 0xae },
	{ "trade", 0x2122 }, { "euro", 0x20ac }, { "pound", 0xa3 },
	{ "yen", 0xa5 }, { "cent", 0xa2 }, { "deg", 0xb0 },
	{ "frac12", 0xbd }, { "frac14", 0xbc }, { "frac34", 0xbe },
	{ "times", 0xd7 }, { "middot", 0xb7 }, { "bull", 0x2022 },
	{ "shy", 0xad }, { "eacute", 0xe9 }, { "egrave", 0xe8 },
	{ "aacute", 0xe1 }, { "agrave", 0xe0 }, { "iacute", 0xed },
	{ "oacute", 0xf3 }, { "uacute", 0xfa }, { "ntilde", 0xf1 },
	{ "ccedil", 0xe7 }, { "auml", 0xe4 }, { "ouml", 0xf6 },
	{ "uuml", 0xfc }, { "szlig", 0xdf }, { "Eacute", 0xc9 },
	{ "Auml", 0xc4 }, { "Ouml", 0xd6 }, { "Uuml", 0xdc },
};

/* Decode the reference at s ("&...;"); returns its length, 0 if none. */
static size_t
entity(const char *s, size_t n, uint32_t *cp)
{
	size_t i, k, end;
	unsigned long v;
	char *e;

	for (end = 1; end < n && end < 12 && s[end] != ';'; end++)
		;
	if (end >= n || s[end] != ';' || end < 2)
		return 0;
	if (s[1] == '#') {
		if (s[2] == 'x' || s[2] == 'X')
			v = strtoul(s + 3, &e, 16);
		else
			v = strtoul(s + 2, &e, 10);
		if (e != s + end || v == 0 || v > 0x10ffff ||
		    (v >= 0xd800 && v <= 0xdfff))
			return 0;
		*cp = (uint32_t)v;
		return end + 1;
	}
	k = end - 1;
	/* Exact case first (&Eacute; vs &eacute;), then any case (&AMP;). */
	for (i = 0; i < sizeof(entities) / sizeof(entities[0]); i++)
		if (strlen(entities[i].name) == k &&
		    memcmp(entities[i].name, s + 1, k) == 0) {
			*cp = entities[i].cp;
			return end + 1;
		}
	for (i = 0; i < sizeof(entities) / sizeof(entities[0]); i++)
		if (strlen(entities[i].name) == k &&
		    strncasecmp(entities[i].name, s + 1, k) == 0) {
			*cp = entities[i].cp;
			return end + 1;
		}
	return 0;
}

void
decode_entities(struct buf *out, const char *s, size_t n)
{
	const char *amp, *end = s + n;
	uint32_t cp;
	size_t k;
	char enc[4];

	while (s < end) {
		if ((amp = memchr(s, '&', (size_t)(end - s))) == NULL) {
			buf_add(out, s, (size_t)(end - s));
			return;
		}
		buf_add(out, s, (size_t)(amp - s));
		if ((k = entity(amp, (size_t)(end - amp), &cp)) == 0) {
			buf_addc(out, '&');
			s = amp + 1;
			continue;
		}
		buf_add(out, enc, (size_t)utf8_encode(cp, enc));
		s = amp + k;
	}
}

/* Elements whose content is not text: skipped up to their end tag. */
static const char *skipped[] = { "script", "style", "noscript", "template",
    "svg", "nav", "aside", "footer", "form", "button", "select", "iframe",
    NULL };

/* Elements that start or end a line of text. */
static const char *blocks[] = { "p", "div", "br", "h1", "h2", "h3", "h4",
    "h5", "h6", "li", "ul", "ol", "tr", "table", "section", "article",
    "header", "main", "blockquote", "pre", "hr", "dd", "dt", "dl",
    "figure", "figcaption", "address", "title", "td", "th", NULL };

static int
in_list(const char **list, const char *name, size_t k)
{
	size_t i;

	for (i = 0; list[i] != NULL; i++)
		if (strlen(list[i]) == k && strncasecmp(list[i], name, k) == 0)
			return 1;
	return 0;
}

/* Where the element name at s ends. */
static size_t
name_len(const char *s, const char *end)
{
	const char *p = s;

	while (p < end && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' &&
	    *p <= 'Z') || (*p >= '0' && *p <= '9')))
		p++;
	return (size_t)(p - s);
}

/* Find "</name" from s on; returns where it starts, or end. */
static const char *
find_end_tag(const char *s, const char *end, const char *name, size_t k)
{
	const char *p;

	for (p = s; (p = memchr(p, '<', (size_t)(end - p))) != NULL; p++)
		if (p + 2 + k <= end && p[1] == '/' &&
		    strncasecmp(p + 2, name, k) == 0 &&
		    name_len(p + 2, end) == k)
			return p;
	return end;
}

/* Text between tags: white space runs become one space (HTML rules). */
static void
add_text(struct buf *out, const char *s, size_t n)
{
	size_t i, start = out->len;

	decode_entities(out, s, n);
	for (i = start; i < out->len; i++)
		if (out->s[i] == '\n' || out->s[i] == '\r' || out->s[i] == '\t')
			out->s[i] = ' ';
}

void
html_to_text(struct buf *out, struct buf *title, const char *html, size_t n)
{
	const char *s = html, *end = html + n, *lt, *gt, *name, *e;
	size_t k;
	int closing;

	while (s < end) {
		if ((lt = memchr(s, '<', (size_t)(end - s))) == NULL)
			lt = end;
		add_text(out, s, (size_t)(lt - s));
		if (lt == end)
			break;
		if (end - lt >= 4 && memcmp(lt, "<!--", 4) == 0) {
			e = strstr(lt + 4, "-->");	/* html is NUL-ended */
			s = e != NULL && e < end ? e + 3 : end;
			continue;
		}
		closing = lt + 1 < end && lt[1] == '/';
		name = lt + 1 + closing;
		k = name_len(name, end);
		if ((gt = memchr(name, '>', (size_t)(end - name))) == NULL)
			break;
		s = gt + 1;
		if (k == 0)
			continue;		/* <!DOCTYPE>, <?xml?> */
		if (!closing && k == 5 && strncasecmp(name, "title", 5) == 0) {
			e = find_end_tag(s, end, "title", 5);
			if (title != NULL && title->len == 0)
				add_text(title, s, (size_t)(e - s));
			s = e;
			continue;
		}
		if (!closing && in_list(skipped, name, k) && gt[-1] != '/') {
			s = find_end_tag(s, end, name, k);
			continue;
		}
		if (in_list(blocks, name, k) && out->len > 0 &&
		    out->s[out->len - 1] != '\n')
			buf_addc(out, '\n');
	}
	buf_grow(out, 0);
	out->s[out->len] = '\0';
}
