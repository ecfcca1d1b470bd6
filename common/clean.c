/* clean.c: placeholder until the full cleaner lands: Windows-1252 for
 * invalid bytes, CR and control characters. */
#include <stdint.h>

#include "clean.h"
#include "utf8.h"

static const uint16_t cp1252[32] = {
	0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
	0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
};

void
clean_text(struct buf *out, const char *in, size_t n)
{
	size_t i = 0;
	uint32_t cp;
	char enc[4];
	int k;

	while (i < n) {
		if ((k = utf8_decode(in + i, n - i, &cp)) == 0) {
			cp = (unsigned char)in[i];
			cp = cp >= 0x80 && cp < 0xa0 ? cp1252[cp - 0x80] : cp;
			k = 1;
		}
		i += k;
		if (cp == '\r') {
			if (i < n && in[i] == '\n')
				continue;
			cp = '\n';
		}
		if ((cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7f ||
		    (cp >= 0x80 && cp < 0xa0) || cp == 0xfeff)
			continue;
		buf_add(out, enc, (size_t)utf8_encode(cp, enc));
	}
}
