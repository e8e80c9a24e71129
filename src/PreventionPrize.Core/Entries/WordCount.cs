namespace PreventionPrize.Core.Entries;

/// <summary>
/// The one definition of a word, shared by the server and the live counter in wwwroot/js/entry-form.js:
/// a run of characters between whitespace that holds at least one letter or decimal digit. So "l'enfant" and
/// "peut-être" are one word each, and French spaced punctuation (" : ", " ? ", " — ") counts for nothing.
/// </summary>
public static class WordCount
{
    public static int Count(string? text)
    {
        if (string.IsNullOrEmpty(text)) return 0;
        var words = 0;
        var inToken = false;
        var tokenHasLetter = false;
        foreach (var c in text)
        {
            // JavaScript's \s also covers U+FEFF, which .NET does not call whitespace.
            if (char.IsWhiteSpace(c) || c == '\uFEFF')
            {
                if (inToken && tokenHasLetter) words++;
                inToken = false;
                tokenHasLetter = false;
                continue;
            }
            inToken = true;
            tokenHasLetter |= char.IsLetter(c) || char.IsDigit(c);
        }
        if (inToken && tokenHasLetter) words++;
        return words;
    }
}
