namespace PreventionPrize.Web.Infrastructure.Storage;

public static class FileStoreCleanup
{
    /// <summary>
    /// Deletes files whose rows are already gone or rewritten (always after the commit: a file left behind is harmless,
    /// a row pointing at nothing is not). A disk or blob service that refuses is logged, never fails the user's action.
    /// Runs to the end even if the request is cancelled, since the change it follows is committed.
    /// </summary>
    public static async Task DeleteAfterCommitAsync(this IFileStore store, IEnumerable<string> keys, ILogger log, string what)
    {
        foreach (var key in keys)
        {
            try
            {
                await store.DeleteAsync(key, CancellationToken.None);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "{What} done, but the file {Key} stays", what, key);
            }
        }
    }
}
