using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace PreventionPrize.TestSupport;

/// <summary>What the server received: the envelope and the MIME message as it came over the wire.</summary>
/// <param name="Session">The SMTP session (connection) it came over.</param>
public sealed record ReceivedMail(Guid Session, string From, IReadOnlyList<string> Recipients, byte[] Raw, MimeMessage Message);

/// <summary>
/// A real SMTP server on a loopback port, in the test process (the SmtpServer library), recording what it
/// receives. Faults are injected where a real server would produce them: <see cref="OnRecipient"/> runs at RCPT TO
/// (before the data), <see cref="OnMessage"/> after the data's final dot. Either may return a reply (451, 550…) or
/// throw <see cref="DropConnection"/> to close the connection without answering.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;
    private int _messages;

    public int Port { get; }

    public ConcurrentQueue<ReceivedMail> Received { get; } = new();

    /// <summary>Called with the 1-based number of the message and the message; null means "250 OK".</summary>
    public Func<int, MimeMessage, SmtpResponse?>? OnMessage { get; set; }

    /// <summary>Called at each RCPT TO with the address; null means accept.</summary>
    public Func<string, SmtpResponse?>? OnRecipient { get; set; }

    private SmtpTestServer(int port) => Port = port;

    /// <summary>A port nothing listens on yet (for "server down", then <see cref="StartOnAsync"/>).</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static Task<SmtpTestServer> StartAsync() => StartOnAsync(FreePort());

    public static async Task<SmtpTestServer> StartOnAsync(int port)
    {
        var server = new SmtpTestServer(port);
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var services = new ServiceProvider();
        services.Add(new Store(server));
        services.Add(new Filter(server));
        var smtp = new SmtpServer.SmtpServer(options, services);
        server._running = smtp.StartAsync(server._stop.Token);
        await server.WaitUntilListeningAsync();
        return server;
    }

    public IReadOnlyList<ReceivedMail> To(string address) =>
        Received.Where(m => m.Recipients.Contains(address, StringComparer.OrdinalIgnoreCase)).ToList();

    /// <summary>Waits until <paramref name="count"/> messages have arrived.</summary>
    public async Task WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (Received.Count < count)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{Received.Count} of {count} messages arrived");
            await Task.Delay(25);
        }
    }

    private async Task WaitUntilListeningAsync()
    {
        for (var i = 0; ; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (i < 200)
            {
                await Task.Delay(10);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopped as asked.
        }
        _stop.Dispose();
    }

    /// <summary>Thrown by a hook to close the connection without a reply, as a crashed or unplugged server would.</summary>
    public sealed class DropConnection() : Exception("connection dropped by the test server");

    /// <summary>Closes the client's connection under the session, so no reply can reach it.</summary>
    private static async Task CloseAsync(ISessionContext context)
    {
        await context.Pipe.Output.CompleteAsync();
        await context.Pipe.Input.CompleteAsync();
        (context.Pipe as IDisposable)?.Dispose();
    }

    private sealed class Store(SmtpTestServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var raw = buffer.ToArray();
            var message = await MimeMessage.LoadAsync(new MemoryStream(raw), cancellationToken);
            var number = Interlocked.Increment(ref server._messages);
            SmtpResponse? refusal;
            try
            {
                refusal = server.OnMessage?.Invoke(number, message);
            }
            catch (DropConnection)
            {
                await CloseAsync(context);
                throw;
            }
            if (refusal is not null) return refusal;
            server.Received.Enqueue(new ReceivedMail(context.SessionId, transaction.From.AsAddress(), transaction.To.Select(t => t.AsAddress()).ToList(), raw, message));
            return SmtpResponse.Ok;
        }
    }

    private sealed class Filter(SmtpTestServer server) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

        public async Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            SmtpResponse? refusal;
            try
            {
                refusal = server.OnRecipient?.Invoke(to.AsAddress());
            }
            catch (DropConnection)
            {
                await CloseAsync(context);
                throw;
            }
            if (refusal is not null) throw new SmtpResponseException(refusal);
            return true;
        }
    }
}
