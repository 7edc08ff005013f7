using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using CoverageAggregator.Matching;

namespace CoverageAggregator.Resolving;

/// <summary>The reader of <see cref="PageScanWords"/>: words as Words.Split reads them, each tested as it ends.</summary>
internal sealed partial class PageScanWords
{
    /// <summary>Reads words from pieces of text and tests each, as it ends, against the phrases and the runs of three.</summary>
    private sealed class Reader(PageScanWords scan)
    {
        private readonly ulong[] _recent = new ulong[Window];
        private readonly char[] _word = new char[MaxWord];
        private int _count;
        private int _length;
        private bool _ascii = true;
        private bool _apostrophe;

        public bool Found { get; set; }

        /// <summary>Starts a new text: no word before it.</summary>
        public void Reset()
        {
            _count = _length = 0;
            _ascii = true;
            _apostrophe = Found = false;
        }

        /// <summary>Reads a piece of text; true once something is found.</summary>
        public bool Feed(ReadOnlySpan<char> piece)
        {
            foreach (var raw in piece)
            {
                if (char.IsAsciiLetterOrDigit(raw) && !_apostrophe)
                {
                    if (_length < _word.Length)
                    {
                        _word[_length] = raw;
                    }

                    _length++;
                    continue;
                }

                var c = raw is '\u2018' or '\u2019' or '\u201B' or '\u2032' or '`' ? '\'' : raw;
                if (c == '\'')
                {
                    // An apostrophe joins two runs of word characters ("don't", "Brandt's"), except after an elided word
                    // ("d'Import AI": d, then import), as Words.Split reads them; anything else ends the word.
                    if (IsElided())
                    {
                        EndWord();
                        continue;
                    }

                    if (_length > 0 && !_apostrophe)
                    {
                        _apostrophe = true;
                        continue;
                    }

                    EndWord();
                }
                else if (IsWordChar(c))
                {
                    if (Words.IsCjk(c))
                    {
                        EndWord();
                        Append(c);
                        EndWord();
                    }
                    else
                    {
                        if (_apostrophe)
                        {
                            Append('\'');
                            _apostrophe = false;
                        }

                        Append(c);
                    }
                }
                else
                {
                    EndWord();
                }

                if (Found)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Ends the text: the last word is tested too.</summary>
        public bool End()
        {
            EndWord();
            return Found;
        }

        /// <summary>The word so far is one Words.Split cuts off before an apostrophe (<see cref="Words.IsElision"/>).</summary>
        private bool IsElided() => !_apostrophe && _length <= _word.Length && Words.IsElision(_word.AsSpan(0, _length));

        private void Append(char c)
        {
            if (_length < _word.Length)
            {
                _word[_length] = c;
            }

            _length++;
            _ascii &= char.IsAscii(c);
        }

        public void EndWord()
        {
            _apostrophe = false;
            if (_length == 0)
            {
                return;
            }

            var word = _length <= MaxWord ? _word.AsSpan(0, _length) : [];
            _length = 0;
            var ascii = _ascii;
            _ascii = true;
            if (word.IsEmpty)
            {
                Push(0);
                return;
            }

            Push(Hash(ascii ? Lower(word) : Folded(word)));
        }

        private void Push(ulong hash)
        {
            _recent[_count++ % Window] = hash;
            if (!scan.MayEnd(hash))
            {
                return;
            }

            if (_count > 2 && scan._triples.Contains(Triple(_recent[(_count - 3) % Window], _recent[(_count - 2) % Window], hash)))
            {
                Found = true;
                return;
            }

            foreach (var phrase in scan._phrases)
            {
                if (phrase[^1] == hash && Ends(phrase))
                {
                    Found = true;
                    return;
                }
            }
        }

        private bool Ends(ulong[] phrase)
        {
            if (phrase.Length > _count)
            {
                return false;
            }

            for (var i = 0; i < phrase.Length; i++)
            {
                if (_recent[(_count - phrase.Length + i) % Window] != phrase[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static ReadOnlySpan<char> Lower(Span<char> word)
        {
            for (var i = 0; i < word.Length; i++)
            {
                word[i] = char.IsAsciiLetterUpper(word[i]) ? (char)(word[i] | 0x20) : char.ToLowerInvariant(word[i]);
            }

            return Possessive(word);
        }

        /// <summary>A word with non-ASCII letters, as <see cref="Words.Normalize"/> folds it (NFKC, then lower case).</summary>
        private static ReadOnlySpan<char> Folded(Span<char> word)
        {
            foreach (var c in word)
            {
                if (!IsStable(c))
                {
                    return Possessive(word.ToString().Normalize(NormalizationForm.FormKC).ToLowerInvariant().AsSpan());
                }
            }

            return Lower(word); // the common case, in place: letters NFKC leaves as they are
        }

        /// <summary>
        /// True for a character NFKC leaves as it is, in the blocks most text is written in: ASCII, Latin-1 and Latin
        /// Extended-A letters (but the ligatures Ĳ, Ŀ, ŉ and the long s), Greek, Cyrillic, Hebrew, Arabic letters, kana, CJK
        /// ideographs and Hangul syllables. Anything else is normalised to be sure.
        /// </summary>
        private static bool IsStable(char c) => c switch
        {
            < '\u0080' => true,
            >= '\u00C0' and <= '\u017E' => c is not ('\u0132' or '\u0133' or '\u013F' or '\u0140' or '\u0149') && c != '\u00D7' && c != '\u00F7',
            >= '\u0391' and <= '\u03C9' => true,
            >= '\u0410' and <= '\u044F' => true,
            >= '\u05D0' and <= '\u05EA' => true,
            >= '\u0621' and <= '\u064A' => true,
            >= '\u3041' and <= '\u3096' => true,
            >= '\u30A1' and <= '\u30FA' => true,
            >= '\u4E00' and <= '\u9FFF' => true,
            >= '\uAC00' and <= '\uD7A3' => true,
            _ => false,
        };

        private static ReadOnlySpan<char> Possessive(ReadOnlySpan<char> word) => word.EndsWith("'s") ? word[..^2] : word;
    }

    /// <summary>The characters of a word as Words reads them: \w (letters, non-spacing marks, digits, connectors).</summary>
    private static bool IsWordChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c == '_'
        || (c > '\u007F' && char.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation);
}
