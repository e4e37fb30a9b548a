/*
 * content.h - where an article's content lies in its original text (plain C99).
 *
 * The article parser returns its fields as cleaned copies; entities and quotes need
 * offsets into the original. This finds each content field (headline, standfirst,
 * dateline, every body paragraph, every caption without its trailing credit) in the
 * text, ignoring differences in white space, and blanks every other byte of a copy
 * (newlines stay, so lines and paragraphs keep their shape). When a field cannot be
 * found (a parser rule rewrote it), the whole text counts as content: entities then
 * come from everything, as before, rather than from a guess.
 */
#ifndef NX_CONTENT_H
#define NX_CONTENT_H

#include <stddef.h>

#include "article.h"
#include "nx_alloc.h"

/* *out: a copy of text[0..len) (NUL-terminated) with non-content bytes set to ' ';
 * returns NX_OK, NX_ENOMEM or NX_EINTR */
int			nx_content_mask(const char *text, size_t len, const nx_article *art,
							const nx_allocator *a, char **out);

/* length of caption c without a trailing credit such as "(AFP Photo)" or "[Getty]" */
size_t		nx_caption_text_len(const char *c, size_t n);

#endif
