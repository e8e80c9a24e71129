using System.Runtime.CompilerServices;
using System.Text.Json;
using PreventionPrize.Assignment;

namespace PreventionPrize.Cli.Assign;

/// <summary>
/// Reads <c>{"entries", "jurors", "k", "maxLoad", "affinity": [[e, j, v], ...], "conflicts": [[e, j], ...]}</c>
/// with a forward-only reader over the file's bytes: a DOM of 3.5 million small arrays would cost far more time and
/// memory than the solve. Keys may come in any order, so the pairs are buffered until the sizes are known.
/// </summary>
public static class PlainInstanceReader
{
    public static AssignmentProblem Read(string path) => Read(File.ReadAllBytes(path));

    public static AssignmentProblem Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        int? entries = null, jurors = null, k = null, maxLoad = null;
        // A triple "[e,j,v]," takes 8–16 bytes: size the buffer once for the densest case.
        var affinity = new Buffer<Affinity>(json.Length / 8);
        var conflicts = new Buffer<Pair>(16);
        Expect(ref reader, JsonTokenType.StartObject);
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            switch (name)
            {
                case "entries": entries = ReadInt(ref reader); break;
                case "jurors": jurors = ReadInt(ref reader); break;
                case "k": k = ReadInt(ref reader); break;
                case "maxLoad": maxLoad = ReadInt(ref reader); break;
                case "affinity": ReadAffinities(ref reader, affinity); break;
                case "conflicts": ReadConflicts(ref reader, conflicts); break;
                default: reader.Read(); reader.Skip(); break;
            }
        }
        var builder = AssignmentProblem.Create(
                Required(entries, "entries"), Required(jurors, "jurors"), Required(k, "k"))
            .WithLoads(0, Required(maxLoad, "maxLoad"))
            .AddAffinities(affinity.Span);
        foreach (var (entry, juror) in conflicts.Span) builder.Forbid(entry, juror);
        return builder.Build();
    }

    // Tiering would run these loops unoptimised for the first part of a 3.5-million-pair file.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadAffinities(ref Utf8JsonReader reader, Buffer<Affinity> into)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        while (Next(ref reader) == JsonTokenType.StartArray)
        {
            into.Add(new Affinity(ReadInt(ref reader), ReadInt(ref reader), ReadInt(ref reader)));
            Expect(ref reader, JsonTokenType.EndArray);
        }
        ExpectEnd(ref reader);
    }

    private static void ReadConflicts(ref Utf8JsonReader reader, Buffer<Pair> into)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        while (Next(ref reader) == JsonTokenType.StartArray)
        {
            into.Add(new Pair(ReadInt(ref reader), ReadInt(ref reader)));
            Expect(ref reader, JsonTokenType.EndArray);
        }
        ExpectEnd(ref reader);
    }

    private static void ExpectEnd(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.EndArray) throw new FormatException($"Expected [[...], ...] at byte {reader.TokenStartIndex}.");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ReadInt(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number);
        return reader.TryGetInt32(out var value) ? value : throw new FormatException($"Not an integer at byte {reader.TokenStartIndex}.");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new FormatException("The file ends too early.");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (Next(ref reader) != type) throw new FormatException($"Expected {type} at byte {reader.TokenStartIndex}, found {reader.TokenType}.");
    }

    private static int Required(int? value, string name) => value ?? throw new FormatException($"\"{name}\" is missing.");

    private sealed class Buffer<T>(int capacity)
    {
        private T[] items = new T[Math.Max(16, capacity)];
        private int count;

        public ReadOnlySpan<T> Span => items.AsSpan(0, count);

        public void Add(T value)
        {
            if (count == items.Length) Array.Resize(ref items, items.Length * 2);
            items[count++] = value;
        }
    }
}
