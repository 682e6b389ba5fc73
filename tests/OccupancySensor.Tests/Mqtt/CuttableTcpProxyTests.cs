using System.Net;
using System.Net.Sockets;
using OccupancySensor.Tests.TestSupport;

namespace OccupancySensor.Tests.Mqtt;

/// <summary>The proxy itself, against an echo server: forwards, goes silent when cut without closing, forwards again when restored.</summary>
[Collection(SocketTimingTests.Name)]
public sealed class CuttableTcpProxyTests
{
    [Fact]
    public void Cut_swallows_bytes_without_closing_and_restore_forwards_new_connections()
    {
        using var echo = LoopbackPort.Listen();
        _ = Task.Run(async () =>
        {
            while (true)
            {
                var socket = await echo.AcceptSocketAsync();
                _ = Task.Run(async () =>
                {
                    var buffer = new byte[256];
                    int read;
                    try
                    {
                        while ((read = await socket.ReceiveAsync(buffer)) > 0)
                        {
                            await socket.SendAsync(buffer.AsMemory(0, read));
                        }
                    }
                    catch (SocketException)
                    {
                    }

                    socket.Dispose();
                });
            }
        });
        using var proxy = new CuttableTcpProxy(LoopbackPort.Of(echo));

        using var before = Connect(proxy.Port);
        Assert.Equal("ping", Exchange(before, "ping"));

        proxy.Cut();
        before.Send("lost"u8);
        Assert.Null(Receive(before, TimeSpan.FromMilliseconds(300)));
        using var during = Connect(proxy.Port);
        during.Send("also lost"u8);
        Assert.Null(Receive(during, TimeSpan.FromMilliseconds(300)));
        Assert.True(
            TransportEvents.Eventually(() => proxy.Swallowed == "lost".Length + "also lost".Length, TimeSpan.FromSeconds(5)),
            "swallowed " + proxy.Swallowed + " bytes");

        proxy.Restore();
        using var after = Connect(proxy.Port);
        Assert.Equal("back", Exchange(after, "back"));

        // The black-holed connections were forgotten: reset, not left hanging.
        Assert.Equal(string.Empty, ReceiveOrClosed(before));
        Assert.Equal(3, proxy.Accepted);
        echo.Stop();
    }

    private static Socket Connect(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Connect(IPAddress.Loopback, port);
        return socket;
    }

    private static string? Exchange(Socket socket, string text)
    {
        socket.Send(System.Text.Encoding.ASCII.GetBytes(text));
        return Receive(socket, TimeSpan.FromSeconds(5));
    }

    /// <summary>Text received within <paramref name="limit"/>, or null when nothing came (the connection still open).</summary>
    private static string? Receive(Socket socket, TimeSpan limit)
    {
        if (!socket.Poll(limit, SelectMode.SelectRead))
        {
            return null;
        }

        var buffer = new byte[256];
        var read = socket.Receive(buffer);
        return System.Text.Encoding.ASCII.GetString(buffer, 0, read);
    }

    /// <summary>Empty when the connection was closed or reset.</summary>
    private static string ReceiveOrClosed(Socket socket)
    {
        try
        {
            return Receive(socket, TimeSpan.FromSeconds(5)) ?? "still open";
        }
        catch (SocketException)
        {
            return string.Empty;
        }
    }
}
