using Azure.Storage.Blobs;
using PreventionPrize.Web.Infrastructure.Storage;

namespace PreventionPrize.IntegrationTests.Storage;

/// <summary>What every <see cref="IFileStore"/> promises, run against each implementation below.</summary>
public abstract class FileStoreContract
{
    protected abstract IFileStore Store { get; }

    /// <summary>How many files the store holds, to see that a failed save left nothing.</summary>
    protected abstract Task<int> CountAsync();

    [Fact]
    public async Task A_2_MB_file_comes_back_byte_for_byte()
    {
        var bytes = new byte[2 * 1024 * 1024 + 17];
        Random.Shared.NextBytes(bytes);

        var key = await Store.SaveAsync(new OneWayStream(bytes), default);

        await using var stored = await Store.OpenAsync(key, default);
        var back = new MemoryStream();
        await stored.CopyToAsync(back);
        Assert.Equal(bytes, back.ToArray());
    }

    [Fact]
    public async Task A_key_that_holds_nothing_throws_FileNotFoundException()
    {
        await Assert.ThrowsAsync<FileNotFoundException>(() => Store.OpenAsync(StorageKeys.New(), default));
    }

    [Fact]
    public async Task Deleting_twice_is_no_error_and_the_file_is_gone()
    {
        var key = await Store.SaveAsync(new MemoryStream([1, 2, 3]), default);

        await Store.DeleteAsync(key, default);
        await Store.DeleteAsync(key, default);

        await Assert.ThrowsAsync<FileNotFoundException>(() => Store.OpenAsync(key, default));
    }

    [Fact]
    public async Task Keys_are_the_stores_own_and_a_key_from_elsewhere_is_refused()
    {
        var first = await Store.SaveAsync(new MemoryStream([1]), default);
        var second = await Store.SaveAsync(new MemoryStream([1]), default);

        Assert.Matches("^[0-9a-f]{32}$", first);
        Assert.NotEqual(first, second);
        foreach (var hostile in new[] { "../../etc/passwd", "..", "", first.ToUpperInvariant(), first + "/x", "report.pdf" })
        {
            await Assert.ThrowsAsync<ArgumentException>(() => Store.OpenAsync(hostile, default));
            await Assert.ThrowsAsync<ArgumentException>(() => Store.DeleteAsync(hostile, default));
        }
    }

    [Fact]
    public async Task A_save_whose_reading_fails_keeps_nothing()
    {
        var before = await CountAsync();

        await Assert.ThrowsAsync<ReadFailed>(() => Store.SaveAsync(new OneWayStream(new byte[1024 * 1024], failAfter: 300_000), default));

        Assert.Equal(before, await CountAsync());
    }

    private sealed class ReadFailed : Exception;

    /// <summary>Like an upload: forward-only, length unknown; optionally failing part-way.</summary>
    private sealed class OneWayStream(byte[] bytes, int failAfter = int.MaxValue) : Stream
    {
        private int _position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= failAfter) throw new ReadFailed();
            var n = Math.Min(Math.Min(count, bytes.Length - _position), 64 * 1024);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

public sealed class LocalFileStoreTests : FileStoreContract, IDisposable
{
    private readonly LocalFileStore _store = new(Path.Combine(Path.GetTempPath(), "pp-store", Guid.NewGuid().ToString("N")));

    protected override IFileStore Store => _store;

    protected override Task<int> CountAsync() => Task.FromResult(Directory.GetFiles(_store.Folder).Length);

    public void Dispose() => Directory.Delete(_store.Folder, recursive: true);
}

/// <summary>The same contract against Azure Blob Storage's emulator, Azurite.</summary>
public sealed class BlobFileStoreTests(Azurite azurite) : FileStoreContract, IClassFixture<Azurite>, IAsyncLifetime
{
    private readonly BlobContainerClient _container = new(azurite.ConnectionString, "files-" + Guid.NewGuid().ToString("N"));

    protected override IFileStore Store => new BlobFileStore(_container);

    protected override async Task<int> CountAsync()
    {
        var count = 0;
        // Uncommitted blocks too: a failed save must not leave half a file anywhere.
        await foreach (var _ in _container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions
                       { States = Azure.Storage.Blobs.Models.BlobStates.Uncommitted })) count++;
        return count;
    }

    public async Task InitializeAsync() => await _container.CreateIfNotExistsAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
