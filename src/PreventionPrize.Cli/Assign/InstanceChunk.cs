using System.Runtime.CompilerServices;
using System.Text.Json;
using PreventionPrize.Assignment;

namespace PreventionPrize.Cli.Assign;

/// <summary>What one reader found in its stretch of an instance file: the sizes it met, and its pairs in file order.</summary>
internal sealed class InstanceChunk(int affinityCapacity)
{
    public int? Entries, Jurors, K, MaxLoad;
    public readonly Buffer<Affinity> Affinity = new(affinityCapacity);
    public readonly Buffer<Pair> Conflicts = new(16);

    /// <summary>
    /// Reads the top-level object's properties. A reader that starts inside the affinity array (the second half of
    /// a split file) first finishes that array. Returns false when the data ran out inside the affinity array (the
    /// first half of a split file); a whole file ends at its closing brace.
    /// </summary>
    public bool ReadObject(ref Utf8JsonReader reader, bool startsInAffinity)
    {
        if (startsInAffinity)
        {
            if (!ReadAffinities(ref reader)) throw new FormatException("The affinity array does not end.");
        }
        else Expect(ref reader, JsonTokenType.StartObject);
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            switch (reader.GetString())
            {
                case "entries": Entries = ReadInt(ref reader); break;
                case "jurors": Jurors = ReadInt(ref reader); break;
                case "k": K = ReadInt(ref reader); break;
                case "maxLoad": MaxLoad = ReadInt(ref reader); break;
                case "affinity":
                    Expect(ref reader, JsonTokenType.StartArray);
                    if (!ReadAffinities(ref reader)) return false;
                    break;
                case "conflicts": ReadConflicts(ref reader); break;
                default: reader.Read(); reader.Skip(); break;
            }
        }
        return true;
    }

    // Tiering would run this loop unoptimised for the first part of a 3.5-million-pair file.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ReadAffinities(ref Utf8JsonReader reader)
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndArray) return true;
            if (reader.TokenType != JsonTokenType.StartArray) throw Unexpected(ref reader, "[entry, juror, value]");
            Affinity.Add(new Affinity(ReadInt(ref reader), ReadInt(ref reader), ReadInt(ref reader)));
            Expect(ref reader, JsonTokenType.EndArray);
        }
        return reader.IsFinalBlock ? throw new FormatException("The file ends too early.") : false;
    }

    private void ReadConflicts(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        while (Next(ref reader) == JsonTokenType.StartArray)
        {
            Conflicts.Add(new Pair(ReadInt(ref reader), ReadInt(ref reader)));
            Expect(ref reader, JsonTokenType.EndArray);
        }
        if (reader.TokenType != JsonTokenType.EndArray) throw Unexpected(ref reader, "[entry, juror]");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ReadInt(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number);
        return reader.TryGetInt32(out var value) ? value : throw Unexpected(ref reader, "an integer");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new FormatException("The file ends too early.");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (Next(ref reader) != type) throw Unexpected(ref reader, type.ToString());
    }

    private static FormatException Unexpected(ref Utf8JsonReader reader, string expected) =>
        new($"Expected {expected} at byte {reader.TokenStartIndex} of the part read, found {reader.TokenType}.");
}

internal sealed class Buffer<T>(int capacity)
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
