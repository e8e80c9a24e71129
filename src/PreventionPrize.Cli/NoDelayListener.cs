using System.Net.Sockets;
using System.Reflection;
using SmtpServer;
using SmtpServer.Net;

namespace PreventionPrize.Cli;

/// <summary>
/// The test server's listener with Nagle's algorithm off (Linux passes TCP_NODELAY from the listening socket to the
/// accepted ones), as production mail servers run. The library leaves it on, and then a reply written in two small
/// segments waits for the client's delayed ACK, ~40 ms a mail: the benchmark would measure the test server.
/// The library keeps its listener's constructor internal, hence the reflection.
/// </summary>
internal sealed class NoDelayListenerFactory : IEndpointListenerFactory
{
    private static readonly ConstructorInfo Constructor = typeof(EndpointListener)
        .GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public, [typeof(TcpListener), typeof(Action)])
        ?? throw new InvalidOperationException("SmtpServer's EndpointListener changed");

    public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
    {
        var listener = new TcpListener(endpointDefinition.Endpoint);
        listener.Server.NoDelay = true;
        listener.Start();
        return (IEndpointListener)Constructor.Invoke([listener, (Action)listener.Stop]);
    }
}
