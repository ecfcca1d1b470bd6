/*
 * docid.h: document ids for normalize(1), unique within a run.
 */
#ifndef DOCID_H
#define DOCID_H

#include "input.h"
#include "util.h"

enum idmode {
	IDM_NAME,	/* the file name without directories, .gz, .txt */
	IDM_PATH,	/* the same from the whole path */
	IDM_HASH	/* 16 hex digits of a hash of the content */
};

struct idset;

struct idset	*idset_new(void);
void		 idset_free(struct idset *set);

/*
 * Put doc's id into id (replacing what it held): by mode for a file, made
 * from the URL for a URL (scheme dropped, other than [A-Za-z0-9.-] to
 * '_'), the dump's own for a given one; stdin is "stdin".  An id made
 * before with set gets "-2", "-3", ... appended.
 */
void		 docid_make(struct idset *set, struct buf *id,
		    const struct document *doc, enum idmode mode);

#endif
