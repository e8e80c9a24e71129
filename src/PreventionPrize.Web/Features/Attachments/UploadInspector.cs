using System.Security.Cryptography;

namespace PreventionPrize.Web.Features.Attachments;

/// <summary>
/// A read-only stream between the upload and storage: it hashes every byte as it passes (SHA-256), counts
/// them, stops the copy as soon as the size limit is crossed, and keeps only the first and last
/// <see cref="Window"/> bytes for the document-metadata check. The file is never held in memory whole.
/// </summary>
public sealed class UploadInspector(Stream inner, long maxBytes) : Stream
{
    public const int Window = 64 * 1024;

    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _head = new byte[Window];
    private readonly byte[] _tail = new byte[2 * Window];
    private int _headLength;
    private int _tailLength;

    public long BytesRead { get; private set; }

    public string Sha256Hex() => Convert.ToHexStringLower(_sha.GetCurrentHash());

    /// <summary>The file's first bytes and, without overlap, its last ones (all of it when it is small).</summary>
    public (ReadOnlyMemory<byte> Head, ReadOnlyMemory<byte> Tail) Sample()
    {
        var tailOnly = (int)Math.Min(_tailLength, Math.Max(0, BytesRead - _headLength));
        return (_head.AsMemory(0, _headLength), _tail.AsMemory(_tailLength - tailOnly, tailOnly));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Observe(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Observe(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void Observe(ReadOnlySpan<byte> chunk)
    {
        BytesRead += chunk.Length;
        if (BytesRead > maxBytes) throw new FileTooLargeException();
        _sha.AppendData(chunk);
        var toHead = Math.Min(chunk.Length, Window - _headLength);
        chunk[..toHead].CopyTo(_head.AsSpan(_headLength));
        _headLength += toHead;
        KeepTail(chunk);
    }

    private void KeepTail(ReadOnlySpan<byte> chunk)
    {
        if (chunk.Length >= Window)
        {
            chunk[^Window..].CopyTo(_tail);
            _tailLength = Window;
            return;
        }
        if (_tailLength + chunk.Length > _tail.Length)
        {
            // Slide the last Window bytes to the front; amortised, each byte moves at most once per Window read.
            _tail.AsSpan(_tailLength - Window, Window).CopyTo(_tail);
            _tailLength = Window;
        }
        chunk.CopyTo(_tail.AsSpan(_tailLength));
        _tailLength += chunk.Length;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _sha.Dispose();
        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>The upload went past the call's size limit while it was being read.</summary>
public sealed class FileTooLargeException : Exception;
