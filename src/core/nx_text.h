/* nx_text.h - growable byte buffers and small text helpers shared by the core */
#ifndef NX_TEXT_H
#define NX_TEXT_H

#include <stddef.h>

#include "nx_alloc.h"

typedef struct nx_buf
{
	char	   *data;
	size_t		len;
	size_t		cap;
	const nx_allocator *a;
	int			failed;			/* an allocation failed; further appends are no-ops */
} nx_buf;

/* long byte loops poll the allocator's interrupted() once per this many bytes (+1) */
#define NX_POLL_BYTES ((size_t) 0xFFFFF)

void		nx_buf_init(nx_buf *b, const nx_allocator *a);
void		nx_buf_append(nx_buf *b, const char *s, size_t n);
void		nx_buf_putc(nx_buf *b, char c);
/* returns the NUL-terminated data (owned by the caller), or NULL if empty or failed */
char	   *nx_buf_take(nx_buf *b);
void		nx_buf_free(nx_buf *b);

/* a copy of s[0..n) with runs of white space folded to one space and the ends trimmed */
char	   *nx_strndup_squeezed(const nx_allocator *a, const char *s, size_t n);

/* ASCII white space and control characters: separators everywhere in the core */
static inline int
nx_is_space(unsigned char c)
{
	return c <= 0x20 || c == 0x7f;
}
/* [s, s+n) holds an ASCII digit (every date and most meta lines have one) */
static inline int
nx_has_digit(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char) (s[i] - '0') <= 9)
			return 1;
	return 0;
}
/* [s, s+n) is all ASCII */
static inline int
nx_is_ascii(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char) s[i] >= 0x80)
			return 0;
	return 1;
}
/* trims ASCII white space (and NBSP) from both ends of [*s, *s + *n) */
void		nx_trim(const char **s, size_t *n);
/* case-insensitive ASCII comparison of the first n bytes */
int			nx_strncaseeq(const char *a, const char *b, size_t n);

/* number of words: runs of bytes that hold at least one letter or digit, split at white space */
int			nx_count_words(const char *s, size_t n);
/* counts letters (ASCII letters and any non-ASCII byte sequence) and digits */
void		nx_count_chars(const char *s, size_t n, size_t *letters, size_t *digits, size_t *upper, size_t *lower);

/* ASCII upper case to lower case; every other byte as it is */
static inline unsigned char
nx_ascii_lower(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? (unsigned char) (c + 32) : c;
}

/* s[0..n) equals the lower-case ASCII word lit, ignoring ASCII case */
int			nx_word_eq_ci(const char *s, size_t n, const char *lit);

/* length of a Unicode space at s (NBSP, en/em spaces, ideographic space, BOM), else 0 */
size_t		nx_unicode_space_len(const char *s, size_t n);
/* length of the white space at s: an ASCII blank or control byte, or a Unicode space; else 0 */
size_t		nx_space_len(const char *s, size_t n);
/* no white space (nx_space_len) starts with byte c: not an ASCII blank or control byte, not
 * the first byte of a Unicode space nx_unicode_space_len knows (C2, E2, E3, EF): keep the two
 * together */
static inline int
nx_starts_no_space(unsigned char c)
{
	return c > 0x20 && c != 0x7f && c != 0xC2 && c != 0xE2 && c != 0xE3 && c != 0xEF;
}
/* number of UTF-8 characters (lead bytes) in s[0..n) */
size_t		nx_utf8_count(const char *s, size_t n);

/*
 * 1-based positions of byte offsets, counted in characters (UTF-8) or bytes (what
 * substr() counts in a SQL_ASCII database); offsets asked in increasing order cost
 * one pass over the text.
 */
typedef enum nx_position_unit
{
	NX_POSITION_CHARS = 0,
	NX_POSITION_BYTES = 1
} nx_position_unit;

typedef struct nx_position
{
	const char *s;
	size_t		byte;
	size_t		count;
	nx_position_unit unit;
} nx_position;

void		nx_position_init(nx_position *p, const char *s, nx_position_unit unit);
size_t		nx_position_at(nx_position *p, size_t byte_offset);
/* length of s[0..n) in the cursor's unit */
size_t		nx_position_length(const nx_position *p, const char *s, size_t n);

#endif
