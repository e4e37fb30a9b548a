/*
 * langid.h - the language of a text, by CLD2 (Compact Language Detector 2, Debian's
 * libcld2). The one C++ file of the core (langid_cld2.cpp) wraps it behind this C API.
 */
#ifndef NX_LANGID_H
#define NX_LANGID_H

#include <stddef.h>

#ifdef __cplusplus
extern "C"
{
#endif

/*
 * bytes of text the identifier reads: the headline and first paragraphs decide. CLD2 is
 * linear in what it reads (about 20 MB/s); 1,536 bytes (about 250 words) identify the 620
 * fundus dev records exactly as 4,096 did (98.4% right) at 44% of the cost on them
 */
#define NX_LANGID_MAX_BYTES 1536
/*
 * the first NX_LANGID_FIRST_BYTES decide when CLD2 is sure of them (reliable, one language
 * holding NX_LANGID_SURE_PERCENT of the text); otherwise NX_LANGID_MAX_BYTES are read. The
 * same answers on the 620 fundus dev records as reading 512 or 1,536 bytes; against 512, 37%
 * less CLD2 time on Reuters-21578 stories, and 83 of 22,877 labelled articles answered
 * otherwise: 82 English texts now "en" (were NULL or misread), one Spanish page printing
 * its headline twice now "gl". 192 bytes: 7 misreads of that kind
 */
#define NX_LANGID_FIRST_BYTES 256
#define NX_LANGID_SURE_PERCENT 90
/* below this many bytes of letters CLD2 scored, the answer is NULL (unsure) */
#define NX_LANGID_MIN_BYTES 100
/*
 * the share of English (CLD2's percent of the text) that makes a text "have English": on
 * fundus dev, articles in other languages with English menus or captions score 1-8%,
 * English articles full of foreign names (results tables, name lists) 29% and up
 */
#define NX_LANGID_MIN_ENGLISH_PERCENT 15

/*
 * The ISO 639-1 code of the text's language ("en", "de", "ja", "no"), or NULL when the
 * identifier is not sure (under NX_LANGID_MIN_BYTES of letters, a mix, a language it does not know). The
 * string is static. Reads at most NX_LANGID_MAX_BYTES bytes of s; s need not be valid
 * UTF-8. Allocates nothing of the caller's; CLD2 itself uses only its static tables
 * and the stack.
 *
 * has_english (may be NULL) is set to 0 when the text has no real English part (CLD2
 * scored enough of it and under NX_LANGID_MIN_ENGLISH_PERCENT as English), else 1: an
 * English article full of foreign names can be identified as another language and still
 * be English, and a German article with an English menu line is still German.
 */
const char *nx_language_identify(const char *s, size_t n, int *has_english);

#ifdef __cplusplus
}
#endif

#endif
