// langid_cld2.cpp - nx_language_identify (langid.h) on CLD2. C++ only because CLD2 is;
// nothing here throws (CLD2 is built without exceptions), but a catch-all keeps any
// exception from crossing into C.
#include <cstdio>
#include <cstring>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
#include <utf8proc.h>

#include "langid.h"

namespace CLD2
{
	const char *LanguageCode(Language lang);
}

// cut at a character boundary, so CLD2 never sees half a character
static size_t
utf8_prefix(const char *s, size_t n, size_t max)
{
	if (n <= max)
		return n;
	while (max > 0 && (static_cast<unsigned char>(s[max]) & 0xC0) == 0x80)
		max--;
	return max;
}

// The longest prefix of s (looking at most max bytes) that utf8proc's decoder reads as UTF-8:
// CLD2 is given only such text (its CheckUTF8 entry point checks again).
static size_t
strict_utf8_prefix(const char *s, size_t n, size_t max)
{
	size_t		i = 0,
				end = n < max ? n : max;

	while (i < end)
	{
		utf8proc_int32_t cp;
		utf8proc_ssize_t k;

		if (static_cast<unsigned char>(s[i]) < 0x80)
		{
			i++;
			continue;
		}
		k = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t *>(s) + i, static_cast<utf8proc_ssize_t>(n - i), &cp);
		if (k <= 0)
			break;
		i += static_cast<size_t>(k);
	}
	return i < end ? i : end;
}

// has_english: 0 when CLD2 scored enough of the text and too little of it as English, else 1;
// sure: 1 when the answer is reliable and its language holds NX_LANGID_SURE_PERCENT of the text
static const char *
identify(const char *s, int len, int *valid_prefix, int *has_english, int *sure)
{
	// CLD2 leaves these unset when it rejects the input (bad UTF-8): start them empty
	CLD2::Language top3[3] = {CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE};
	int			percent3[3] = {0, 0, 0};
	double		scores3[3] = {0, 0, 0};
	int			text_bytes = 0;
	bool		reliable = false;
	CLD2::Language lang;
	const char *code;

	// the CheckUTF8 variant: invalid input gives UNKNOWN, never a read past the end
	lang = CLD2::ExtDetectLanguageSummaryCheckUTF8(s, len, true, NULL, 0, top3, percent3, scores3,
												   NULL, &text_bytes, &reliable, valid_prefix);
	*has_english = text_bytes < NX_LANGID_MIN_BYTES;
	for (int i = 0; i < 3; i++)
		if (top3[i] == CLD2::ENGLISH && percent3[i] >= NX_LANGID_MIN_ENGLISH_PERCENT)
			*has_english = 1;
	*sure = 0;
	if (!reliable || lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE)
		return NULL;
	*sure = text_bytes >= NX_LANGID_MIN_BYTES && percent3[0] >= NX_LANGID_SURE_PERCENT;
	// a sentence or two of names says little: CLD2 calls short texts reliable too readily
	if (text_bytes < NX_LANGID_MIN_BYTES)
		return NULL;
	code = CLD2::LanguageCode(lang);
	if (code == NULL || std::strlen(code) < 2)
		return NULL;
	// ISO 639-1 only: "zh-Hant" is "zh"; three-letter and private codes are left out
	if (std::strncmp(code, "zh-", 3) == 0)
		return "zh";
	// CLD2 keeps two codes ISO 639-1 withdrew in 1989
	if (std::strcmp(code, "iw") == 0)
		return "he";
	if (std::strcmp(code, "jw") == 0)
		return "jv";
	return code[2] == '\0' ? code : NULL;
}

extern "C" const char *
nx_language_identify(const char *s, size_t n, int *has_english)
{
	int			english = 1,
				sure = 0;

	try
	{
		// CLD2 reads past the length it is given (valgrind: reads beyond the end in its script
		// scanner; a fuzz run crashed there): it reads a copy with a space and NULs after the
		// text, never the caller's buffer
		char		copy[NX_LANGID_MAX_BYTES + 8];
		size_t		copied = utf8_prefix(s, strict_utf8_prefix(s, n, NX_LANGID_MAX_BYTES + 4), NX_LANGID_MAX_BYTES);

		std::memcpy(copy, s, copied);
		std::memset(copy + copied, 0, sizeof(copy) - copied);
		copy[copied] = ' ';
		s = copy;

		int			len = static_cast<int>(copied);
		int			first = static_cast<int>(utf8_prefix(s, static_cast<size_t>(len), NX_LANGID_FIRST_BYTES));
		int			read = first,
					valid = first;
		const char *code = identify(s, first, &valid, &english, &sure);

		// CLD2 is linear in what it reads: the opening decides when it is clear
		if (!sure && first < len)
		{
			read = valid = len;
			code = identify(s, len, &valid, &english, &sure);
		}
		// text with a bad byte: identify what comes before it
		if (code == NULL && valid < read && valid > 0)
			code = identify(s, valid, &valid, &english, &sure);
		if (has_english)
			*has_english = english;
		return code;
	}
	catch (...)
	{
		if (has_english)
			*has_english = 1;
		return NULL;
	}
}
