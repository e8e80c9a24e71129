using System.Security.Cryptography;
using PreventionPrize.Web.Features.Attachments;

namespace PreventionPrize.UnitTests.Attachments;

public sealed class UploadInspectorTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(UploadInspector.Window)]
    [InlineData(UploadInspector.Window + 1)]
    [InlineData(3 * UploadInspector.Window + 17)]
    [InlineData(1_000_003)]
    public async Task It_hashes_counts_and_keeps_the_head_and_a_tail_that_do_not_overlap(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        using var inspector = new UploadInspector(new MemoryStream(bytes), size);
        using var copy = new MemoryStream();

        // Odd buffer sizes, so that chunks straddle the windows' edges.
        await inspector.CopyToAsync(copy, 7919);

        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal(size, inspector.BytesRead);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), inspector.Sha256Hex());
        var (head, tail) = inspector.Sample();
        Assert.Equal(bytes.AsSpan(0, Math.Min(size, UploadInspector.Window)).ToArray(), head.ToArray());
        Assert.True(head.Length + tail.Length <= size);
        Assert.Equal(bytes.AsSpan(size - tail.Length).ToArray(), tail.ToArray());
        Assert.True(tail.Length >= Math.Min(UploadInspector.Window, size - head.Length));
    }

    [Fact]
    public async Task It_stops_the_copy_as_soon_as_the_limit_is_crossed()
    {
        using var inspector = new UploadInspector(new MemoryStream(new byte[1001]), 1000);

        await Assert.ThrowsAsync<FileTooLargeException>(() => inspector.CopyToAsync(Stream.Null, 100));
        Assert.InRange(inspector.BytesRead, 1001, 1001);
    }
}
