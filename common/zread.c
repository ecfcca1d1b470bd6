/*
 * zread.c: see zread.h.
 *
 * zlib's gzread() stops at the first bad member; here each member is
 * inflated with inflate() directly, and after an error the raw bytes are
 * scanned for the next member's magic bytes (1f 8b 08).
 */
#include <err.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "zread.h"

#define RAWSIZE	(128 * 1024)
#define OUTSIZE	(128 * 1024)

enum mode { M_START, M_PLAIN, M_MEMBER, M_BETWEEN, M_RESYNC, M_END };

struct zin {
	int		 fd;
	const char	*path;
	enum mode	 mode;
	int		 gzip;
	z_stream	 zs;
	int		 zinit;
	unsigned char	*raw;			/* compressed or plain input */
	size_t		 rpos, rlen;
	int		 rawend;		/* read() returned 0 or failed */
	unsigned long	 member;		/* members started */
	/* damage met, at decoded positions, so a reader learns of it only
	 * when it reaches the place where bytes went missing */
	unsigned long long *damage;
	size_t		 ndamage, damagecap;
	unsigned long long taken;		/* bytes read so far */
	char		*out;			/* decoded bytes not yet taken */
	size_t		 opos, olen, ocap;
};

struct zin *
zin_open(int fd, const char *path)
{
	struct zin *z = ecalloc(1, sizeof(*z));

	z->raw = emalloc(RAWSIZE);	/* not zeroed: a file may be tiny */
	z->fd = fd;
	z->path = path;
	z->ocap = OUTSIZE;
	z->out = emalloc(z->ocap);
	return z;
}

void
zin_close(struct zin *z)
{
	if (z == NULL)
		return;
	if (z->zinit)
		inflateEnd(&z->zs);
	close(z->fd);
	free(z->raw);
	free(z->out);
	free(z->damage);
	free(z);
}

unsigned long
zin_damage(const struct zin *z)
{
	unsigned long n = 0;
	size_t i;

	for (i = 0; i < z->ndamage; i++)
		n += z->damage[i] <= z->taken;
	return n;
}

static void
add_damage(struct zin *z)
{
	if (z->ndamage == z->damagecap) {
		z->damagecap = z->damagecap ? z->damagecap * 2 : 8;
		z->damage = erealloc(z->damage, z->damagecap *
		    sizeof(*z->damage));
	}
	z->damage[z->ndamage++] = z->taken + (z->olen - z->opos);
}

int
zin_gzip(const struct zin *z)
{
	return z->gzip;
}

/* Refill the raw buffer, keeping what is left; 0 at the end of input. */
static int
refill(struct zin *z)
{
	ssize_t n;

	if (z->rawend)
		return 0;
	if (z->rpos > 0) {
		memmove(z->raw, z->raw + z->rpos, z->rlen - z->rpos);
		z->rlen -= z->rpos;
		z->rpos = 0;
	}
	if (z->rlen == RAWSIZE)
		return 1;
	do
		n = read(z->fd, z->raw + z->rlen, RAWSIZE - z->rlen);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		warn("%s", z->path);
		add_damage(z);
		z->rawend = 1;
		return 0;
	}
	if (n == 0) {
		z->rawend = 1;
		return 0;
	}
	z->rlen += (size_t)n;
	return 1;
}

/* Make at least k raw bytes available if the input has them. */
static size_t
raw_avail(struct zin *z, size_t k)
{
	while (z->rlen - z->rpos < k && refill(z))
		;
	return z->rlen - z->rpos;
}

static int
at_magic(struct zin *z)
{
	return raw_avail(z, 3) >= 3 && z->raw[z->rpos] == 0x1f &&
	    z->raw[z->rpos + 1] == 0x8b && z->raw[z->rpos + 2] == 8;
}

static void
start_member(struct zin *z)
{
	if (!z->zinit) {
		if (inflateInit2(&z->zs, 15 + 16) != Z_OK)
			errx(EXIT_DATA, "%s: zlib: out of memory", z->path);
		z->zinit = 1;
	} else
		inflateReset(&z->zs);
	z->member++;
	z->mode = M_MEMBER;
}

static void
damaged(struct zin *z, const char *what)
{
	if (z->member > 1 || strcmp(what, "corrupt") == 0)
		warnx("%s: %s gzip data in member %lu", z->path, what,
		    z->member);
	else
		warnx("%s: %s gzip data", z->path, what);
	add_damage(z);
	z->mode = M_RESYNC;
	/* Never find the bad member's magic again; when zlib took every
	 * byte read (a bad trailer at the end) there is none to step over. */
	if (z->rpos < z->rlen)
		z->rpos++;
}

/*
 * Decode more bytes, appending them to z->out after olen, up to lim
 * (olen < lim <= ocap); returns how many were added, 0 at the end.
 */
static size_t
decode(struct zin *z, size_t lim)
{
	size_t have, before = z->olen;
	int rc;

	for (;;) {
		switch (z->mode) {
		case M_START:
			z->gzip = at_magic(z);
			if (z->gzip)
				start_member(z);
			else
				z->mode = M_PLAIN;
			break;
		case M_PLAIN:
			if ((have = raw_avail(z, 1)) == 0) {
				z->mode = M_END;
				return 0;
			}
			if (have > lim - z->olen)
				have = lim - z->olen;
			memcpy(z->out + z->olen, z->raw + z->rpos, have);
			z->rpos += have;
			z->olen += have;
			return have;
		case M_BETWEEN:
			if (raw_avail(z, 1) == 0) {
				z->mode = M_END;
				break;
			}
			if (at_magic(z)) {
				start_member(z);
				break;
			}
			/* Zero padding after the last member is common. */
			while (raw_avail(z, 1) > 0 && z->raw[z->rpos] == 0)
				z->rpos++;
			if (raw_avail(z, 1) > 0) {
				warnx("%s: trailing garbage after gzip data "
				    "ignored", z->path);
				add_damage(z);
				z->mode = M_END;
			}
			break;
		case M_RESYNC:
			while (raw_avail(z, 3) >= 3 && !at_magic(z))
				z->rpos++;
			if (at_magic(z))
				start_member(z);
			else
				z->mode = M_END;
			break;
		case M_MEMBER:
			if (raw_avail(z, 1) == 0) {
				damaged(z, "truncated");
				z->mode = M_END;
				return z->olen - before;
			}
			z->zs.next_in = z->raw + z->rpos;
			z->zs.avail_in = (uInt)(z->rlen - z->rpos);
			z->zs.next_out = (unsigned char *)z->out + z->olen;
			z->zs.avail_out = (uInt)(lim - z->olen);
			rc = inflate(&z->zs, Z_NO_FLUSH);
			z->rpos = z->rlen - z->zs.avail_in;
			z->olen = lim - z->zs.avail_out;
			if (rc == Z_STREAM_END)
				z->mode = M_BETWEEN;
			else if (rc == Z_BUF_ERROR && z->rawend &&
			    z->rpos == z->rlen) {
				damaged(z, "truncated");
				z->mode = M_END;
			} else if (rc != Z_OK && rc != Z_BUF_ERROR)
				damaged(z, "corrupt");
			if (z->olen > before)
				return z->olen - before;
			break;
		case M_END:
			return 0;
		}
	}
}

/* Bytes decoded and not yet taken, decoding more when none are left. */
static size_t
avail(struct zin *z)
{
	if (z->opos == z->olen) {
		z->opos = z->olen = 0;
		if (decode(z, z->ocap) == 0)
			return 0;
	}
	return z->olen - z->opos;
}

size_t
zin_getline(struct zin *z, struct buf *line, size_t max)
{
	size_t got = 0, k;
	char *nl;

	while (got < max && (k = avail(z)) > 0) {
		if (k > max - got)
			k = max - got;
		nl = memchr(z->out + z->opos, '\n', k);
		if (nl != NULL)
			k = (size_t)(nl - (z->out + z->opos)) + 1;
		buf_add(line, z->out + z->opos, k);
		z->opos += k;
		z->taken += k;
		got += k;
		if (nl != NULL)
			break;
	}
	return got;
}

size_t
zin_getn(struct zin *z, struct buf *out, size_t n)
{
	size_t got = 0, k;

	while (got < n && (k = avail(z)) > 0) {
		if (k > n - got)
			k = n - got;
		buf_add(out, z->out + z->opos, k);
		z->opos += k;
		z->taken += k;
		got += k;
	}
	return got;
}

size_t
zin_peek(struct zin *z, const char **p, size_t n)
{
	size_t k;
	char *grown;

	/* Gather n bytes at the front of the output buffer. */
	while ((k = z->olen - z->opos) < n) {
		if (z->opos > 0) {
			memmove(z->out, z->out + z->opos, k);
			z->olen = k;
			z->opos = 0;
		}
		if (z->mode == M_END)
			break;
		if (z->olen == z->ocap) {
			grown = erealloc(z->out, z->ocap * 2);
			z->out = grown;
			z->ocap *= 2;
		}
		if (decode(z, z->ocap) == 0)
			break;
	}
	*p = z->out + z->opos;
	return k < n ? k : n;
}

/*
 * As the bytes were copied out by the readers above, which decode only
 * when every decoded byte was taken, OUTSIZE bytes a time into the empty
 * buffer: the bytes left (fewer than n) go to the front and each decode
 * gets OUTSIZE bytes of room after them.  zlib then sees the same calls,
 * so damage is met (and reported) at the same points of the input.
 */
size_t
zin_take(struct zin *z, const char **p, size_t n)
{
	size_t k = z->olen - z->opos;

	if (k < n) {
		memmove(z->out, z->out + z->opos, k);
		z->opos = 0;
		z->olen = k;
		while (z->olen < n) {
			if (z->ocap < z->olen + OUTSIZE) {
				z->ocap = z->olen + OUTSIZE;
				z->out = erealloc(z->out, z->ocap);
			}
			if (decode(z, z->olen + OUTSIZE) == 0)
				break;
		}
		k = z->olen;
	}
	if (k > n)
		k = n;
	*p = z->out + z->opos;
	z->opos += k;
	z->taken += k;
	return k;
}
