/*
 * regex.h - the article patterns, compiled once per process with pcre2 JIT.
 *
 * The only file that includes pcre2.h. Patterns run with match and depth limits, so a
 * hostile line costs bounded time; callers also only hand in short lines.
 */
#ifndef NX_REGEX_H
#define NX_REGEX_H

#include <stddef.h>

typedef enum nx_pattern
{
	NX_RE_DATELINE,				/* WASHINGTON (Reuters) - / SALVADOR, Feb 26 - / BRUSSELS 1996-08-22 */
	NX_RE_READING_TIME,			/* 3 min read / Reading time: 4 minutes */
	NX_RE_CAPTION,				/* ... conflict [Getty] / (AFP Photo) / Photo: Reuters */
	NX_RE_BOILERPLATE,			/* Follow us on Twitter / Read more: / Advertisement */
	NX_RE_CAPTION_CREDIT,		/* ... in Karachi. — Reuters/File / ... | Jane Doe/POLITICO */
	NX_RE_COUNT
} nx_pattern;

#define NX_RE_MAX_GROUPS 8

typedef struct nx_re_groups
{
	/* byte offsets of each capture group; start == (size_t) -1 when unset */
	size_t		start[NX_RE_MAX_GROUPS];
	size_t		end[NX_RE_MAX_GROUPS];
} nx_re_groups;

/* 1 on a match, 0 on none, -1 when a pattern could not compile or hit its limit */
int			nx_re_match(nx_pattern p, const char *s, size_t n, nx_re_groups *m);

/* the group number of a named group in a pattern, or -1 */
int			nx_re_group(nx_pattern p, const char *name);

#endif
