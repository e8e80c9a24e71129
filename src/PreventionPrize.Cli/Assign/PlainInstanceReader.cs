using System.Text.Json;
using PreventionPrize.Assignment;

namespace PreventionPrize.Cli.Assign;

/// <summary>
/// Reads <c>{"entries", "jurors", "k", "maxLoad", "affinity": [[e, j, v], ...], "conflicts": [[e, j], ...]}</c>
/// with forward-only readers over the file's bytes: a DOM of 3.5 million small arrays would cost far more time and
/// memory than the solve. Keys may come in any order, so the pairs are buffered until the sizes are known.
/// </summary>
public static class PlainInstanceReader
{
    // Below this a second thread costs more than it saves.
    private const int SplitFrom = 4 << 20;

    public static AssignmentProblem Read(string path) => Read(File.ReadAllBytes(path));

    public static AssignmentProblem Read(byte[] json)
    {
        if (json.Length >= SplitFrom)
        {
            try
            {
                return ReadInTwo(json);
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
            {
                // The split guessed wrong (unusual spacing, keys in an odd order); read it whole for the real error.
            }
        }
        return Read((ReadOnlySpan<byte>)json);
    }

    public static AssignmentProblem Read(ReadOnlySpan<byte> json)
    {
        var chunk = new InstanceChunk(json.Length / 8);
        var reader = new Utf8JsonReader(json);
        chunk.ReadObject(ref reader, startsInAffinity: false);
        return Build([chunk]);
    }

    /// <summary>
    /// Reading JSON is the slowest step for a dense instance (about 20 ns a token), so the affinity array is read
    /// by two readers at once: the first reads up to a triple boundary in its middle; the second starts after it
    /// with a reader state taken from a stand-in prefix that leaves the reader inside the same array.
    /// </summary>
    public static AssignmentProblem ReadInTwo(byte[] json)
    {
        var split = TrySplit(json) ?? throw new FormatException("No \"],[\" in the middle of the affinity array.");
        var second = Task.Run(() =>
        {
            var chunk = new InstanceChunk((json.Length - split) / 8);
            var reader = new Utf8JsonReader(json.AsSpan(split), isFinalBlock: true, InsideAffinityArray());
            chunk.ReadObject(ref reader, startsInAffinity: true);
            return chunk;
        });
        var first = new InstanceChunk(split / 8);
        var reader = new Utf8JsonReader(json.AsSpan(0, split), isFinalBlock: false, default);
        if (first.ReadObject(ref reader, startsInAffinity: false)) throw new FormatException("The split missed the affinity array.");
        return Build([first, second.GetAwaiter().GetResult()]);
    }

    /// <summary>Where the second reader starts: at the comma of a "],[" in the middle of the affinity array.</summary>
    private static int? TrySplit(byte[] json)
    {
        var name = json.AsSpan().IndexOf("\"affinity\""u8);
        if (name < 0) return null;
        var open = json.AsSpan(name).IndexOf((byte)'[');
        // The first "]]" after it closes the array when the file is written compactly; otherwise the read fails
        // and falls back to one reader.
        var close = open < 0 ? -1 : json.AsSpan(name + open).IndexOf("]]"u8);
        if (close < 0) return null;
        int start = name + open, end = start + close;
        var comma = json.AsSpan(start + (end - start) / 2, end - start - (end - start) / 2).IndexOf("],["u8);
        return comma < 0 ? null : start + (end - start) / 2 + comma + 1;
    }

    private static JsonReaderState InsideAffinityArray()
    {
        var reader = new Utf8JsonReader("{\"affinity\":[[0,0,0]"u8, isFinalBlock: false, default);
        while (reader.Read()) { }
        return reader.CurrentState;
    }

    private static AssignmentProblem Build(InstanceChunk[] chunks)
    {
        int Required(Func<InstanceChunk, int?> value, string name) =>
            chunks.Select(value).LastOrDefault(v => v is not null) ?? throw new FormatException($"\"{name}\" is missing.");
        var builder = AssignmentProblem.Create(Required(c => c.Entries, "entries"), Required(c => c.Jurors, "jurors"), Required(c => c.K, "k"))
            .WithLoads(0, Required(c => c.MaxLoad, "maxLoad"));
        builder.WithAffinityCapacity(chunks.Sum(c => c.Affinity.Span.Length));
        foreach (var chunk in chunks) builder.AddAffinities(chunk.Affinity.Span);
        foreach (var chunk in chunks)
            foreach (var (entry, juror) in chunk.Conflicts.Span) builder.Forbid(entry, juror);
        return builder.Build();
    }
}
