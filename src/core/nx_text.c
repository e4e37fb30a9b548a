/* nx_text.c - growable byte buffers and small text helpers */
#include <string.h>

#include "nx_text.h"

void
nx_buf_init(nx_buf *b, const nx_allocator *a)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	b->a = a;
	b->failed = 0;
}

static int
nx_buf_reserve(nx_buf *b, size_t extra)
{
	size_t		need;
	size_t		cap;
	char	   *p;

	if (b->failed)
		return 0;
	need = b->len + extra + 1;
	if (need <= b->cap)
		return 1;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	p = b->data ? nx_resize(b->a, b->data, b->cap, cap) : nx_alloc(b->a, cap);
	if (p == NULL)
	{
		b->failed = 1;
		return 0;
	}
	b->data = p;
	b->cap = cap;
	return 1;
}

void
nx_buf_append(nx_buf *b, const char *s, size_t n)
{
	if (!nx_buf_reserve(b, n))
		return;
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
nx_buf_putc(nx_buf *b, char c)
{
	nx_buf_append(b, &c, 1);
}

char *
nx_buf_take(nx_buf *b)
{
	char	   *d = b->data;

	if (b->failed || b->len == 0)
	{
		nx_buf_free(b);
		return NULL;
	}
	b->data = NULL;
	b->len = b->cap = 0;
	return d;
}

void
nx_buf_free(nx_buf *b)
{
	nx_free(b->a, b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

size_t
nx_unicode_space_len(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *) s;

	if (n >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
		return 2;
	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] <= 0x8B || u[2] == 0xAF))
		return 3;
	if (n >= 3 && u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80)
		return 3;
	if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
		return 3;
	return 0;
}

void
nx_trim(const char **s, size_t *n)
{
	const char *p = *s;
	size_t		len = *n;
	size_t		k;

	for (;;)
	{
		if (len > 0 && nx_is_space((unsigned char) p[0]))
		{
			p++;
			len--;
		}
		else if ((k = nx_unicode_space_len(p, len)) > 0)
		{
			p += k;
			len -= k;
		}
		else
			break;
	}
	for (;;)
	{
		if (len > 0 && nx_is_space((unsigned char) p[len - 1]))
			len--;
		else if (len >= 2 && nx_unicode_space_len(p + len - 2, 2) == 2)
			len -= 2;
		else if (len >= 3 && nx_unicode_space_len(p + len - 3, 3) == 3)
			len -= 3;
		else
			break;
	}
	*s = p;
	*n = len;
}

/*
 * byte classes for the counters: bit 0 upper-case ASCII letter, 1 lower-case, 2 digit, 3 a lead
 * byte 0xC2..0xF4, 4 word byte for nx_count_words (ASCII letter or digit, or >= 0xC0),
 * 5 not white space (nx_is_space)
 */
static unsigned char count_class[256];
static int	count_class_ready = 0;

static void
count_class_init(void)
{
	for (int c = 0; c < 256; c++)
	{
		unsigned char k = 0;

		if (c >= 'A' && c <= 'Z')
			k |= 1 | 16;
		else if (c >= 'a' && c <= 'z')
			k |= 2 | 16;
		else if (c >= '0' && c <= '9')
			k |= 4 | 16;
		if (c >= 0xC2 && c <= 0xF4)
			k |= 8;
		if (c >= 0xC0)
			k |= 16;
		if (!nx_is_space((unsigned char) c) && c >= 0x20)
			k |= 32;
		count_class[c] = k;
	}
	count_class_ready = 1;
}

char *
nx_strndup_squeezed(const nx_allocator *a, const char *s, size_t n)
{
	char	   *out;
	size_t		i = 0,
				o = 0;
	int			pending_space = 0;
	size_t		next_poll = NX_POLL_BYTES;

	nx_trim(&s, &n);
	if (n == 0)
		return NULL;
	out = nx_alloc(a, n + 1);
	if (out == NULL)
		return NULL;
	if (!count_class_ready)
		count_class_init();
	while (i < n)
	{
		size_t		k;

		if (i >= next_poll)
		{
			nx_interrupted(a);
			next_poll = i + NX_POLL_BYTES;
		}
		/* fast path: a run of bytes that are neither white space nor a possible U+00A0 etc. */
		if ((count_class[(unsigned char) s[i]] & 32) && (unsigned char) s[i] < 0xC2)
		{
			if (pending_space && o > 0)
				out[o++] = ' ';
			pending_space = 0;
			do
				out[o++] = s[i++];
			while (i < n && (count_class[(unsigned char) s[i]] & 32) && (unsigned char) s[i] < 0xC2);
			continue;
		}
		/* control characters squeeze like white space: no field carries one */
		if (nx_is_space((unsigned char) s[i]) || (unsigned char) s[i] < 0x20)
		{
			pending_space = 1;
			i++;
			continue;
		}
		if ((unsigned char) s[i] >= 0xC2 && (k = nx_unicode_space_len(s + i, n - i)) > 0)
		{
			pending_space = 1;
			i += k;
			continue;
		}
		if (pending_space && o > 0)
			out[o++] = ' ';
		pending_space = 0;
		out[o++] = s[i++];
	}
	out[o] = '\0';
	return out;
}

int
nx_strncaseeq(const char *a, const char *b, size_t n)
{
	size_t		i;

	for (i = 0; i < n; i++)
	{
		unsigned char ca = nx_ascii_lower((unsigned char) a[i]);
		unsigned char cb = nx_ascii_lower((unsigned char) b[i]);

		if (ca != cb)
			return 0;
	}
	return 1;
}

int
nx_count_words(const char *s, size_t n)
{
	/* maximal runs of non-space bytes with at least one word byte; branch-free per byte */
	int			words = 0;
	unsigned	has = 0;

	if (!count_class_ready)
		count_class_init();
	for (size_t i = 0; i < n; i++)
	{
		unsigned	k = count_class[(unsigned char) s[i]];
		unsigned	in = (k >> 5) & 1;

		words += (int) (has & (in ^ 1));
		has = (has | ((k >> 4) & 1)) & in;
	}
	return words + (int) has;
}

void
nx_count_chars(const char *s, size_t n, size_t *letters, size_t *digits, size_t *upper, size_t *lower)
{
	size_t		up = 0,
				lo = 0,
				di = 0,
				na = 0;

	if (!count_class_ready)
		count_class_init();
	for (size_t i = 0; i < n; i++)
	{
		unsigned	k = count_class[(unsigned char) s[i]];

		up += k & 1;
		lo += (k >> 1) & 1;
		di += (k >> 2) & 1;
		/* a well-formed non-ASCII character: count it once */
		if ((k & 8) && i + 1 < n && ((unsigned char) s[i + 1] & 0xC0) == 0x80)
			na++;
	}
	*upper = up;
	*lower = lo;
	*digits = di;
	*letters = up + lo + na;
}

int
nx_word_eq_ci(const char *s, size_t n, const char *lit)
{
	if (n == 0)
		return lit[0] == '\0';
	/* callers scan word lists with this: the first byte rules out most entries before strlen */
	return nx_ascii_lower((unsigned char) s[0]) == nx_ascii_lower((unsigned char) lit[0]) &&
		strlen(lit) == n && nx_strncaseeq(s, lit, n);
}

size_t
nx_space_len(const char *s, size_t n)
{
	if (n == 0)
		return 0;
	if (nx_is_space((unsigned char) s[0]))
		return 1;
	return nx_unicode_space_len(s, n);
}

size_t
nx_utf8_count(const char *s, size_t n)
{
	size_t		c = 0;

	for (size_t i = 0; i < n; i++)
		c += ((unsigned char) s[i] & 0xC0) != 0x80;
	return c;
}

void
nx_position_init(nx_position *p, const char *s, nx_position_unit unit)
{
	p->s = s;
	p->byte = 0;
	p->count = 0;
	p->unit = unit;
}

size_t
nx_position_at(nx_position *p, size_t byte_offset)
{
	if (byte_offset < p->byte)
	{
		p->byte = 0;
		p->count = 0;
	}
	p->count += nx_position_length(p, p->s + p->byte, byte_offset - p->byte);
	p->byte = byte_offset;
	return p->count + 1;
}

size_t
nx_position_length(const nx_position *p, const char *s, size_t n)
{
	return p->unit == NX_POSITION_BYTES ? n : nx_utf8_count(s, n);
}
