using System.Net;
using System.Net.Sockets;

namespace OccupancySensor.Tests.TestSupport;

/// <summary>
/// Ports on 127.0.0.1 that the kernel hands out as free (port 0), so tests running side by side never collide on a
/// fixed port number.
/// </summary>
internal static class LoopbackPort
{
    /// <summary>A started listener on a free port; <see cref="Of"/> tells which.</summary>
    public static TcpListener Listen()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }

    /// <summary>The port <paramref name="listener"/> listens on.</summary>
    public static int Of(TcpListener listener) => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>
    /// Free ports for another process to bind (a broker given them in its configuration): all held open at once so
    /// they differ, then released. Something else may bind one first; that process then fails to start, saying so.
    /// </summary>
    public static int[] Free(int count)
    {
        var listeners = new List<TcpListener>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                listeners.Add(Listen());
            }

            return listeners.Select(Of).ToArray();
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }
}
