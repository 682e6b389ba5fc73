namespace OccupancySensor.HostSim.Cli;

/// <summary>
/// A progress bar for long runs, drawn on the error stream so it never mixes with a report or JSON on the output.
/// On a terminal it redraws in place five times a second; when the stream is redirected (CI logs) it writes a line
/// every 25 % instead.
/// </summary>
public sealed class ProgressBar : IDisposable
{
    private const int Width = 30;

    private readonly TextWriter _writer;
    private readonly long _total;
    private readonly Func<long> _done;
    private readonly bool _interactive;
    private readonly Timer _timer;
    private int _lastQuarter;

    public ProgressBar(TextWriter writer, long total, Func<long> done)
    {
        _writer = writer;
        _total = Math.Max(1, total);
        _done = done;
        _interactive = ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected;
        _timer = new Timer(_ => Draw(false), null, 200, 200);
    }

    public void Dispose()
    {
        _timer.Dispose();
        Draw(true);
    }

    private void Draw(bool final)
    {
        lock (_timer)
        {
            var share = Math.Clamp((double)_done() / _total, 0, 1);
            if (_interactive)
            {
                var filled = (int)(share * Width);
                _writer.Write($"\r  [{new string('#', filled)}{new string('.', Width - filled)}] {share,4:P0} of the unit-hours simulated");
                if (final)
                {
                    _writer.WriteLine();
                }
            }
            else
            {
                var quarter = (int)(share * 4);
                if (quarter > _lastQuarter && !final)
                {
                    _lastQuarter = quarter;
                    _writer.WriteLine($"  ... {quarter * 25}% simulated");
                }
            }
        }
    }
}
