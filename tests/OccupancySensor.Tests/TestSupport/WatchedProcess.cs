using System.Diagnostics;

namespace OccupancySensor.Tests.TestSupport;

/// <summary>
/// A long-running tool (an independent MQTT subscriber) whose stdout and stderr lines are kept as they arrive, for
/// tests that wait on what it prints. Each line is handed to the owner's reader under <see cref="Gate"/>, which
/// also guards whatever the reader fills in, and waiters on the gate are woken after every line. Dispose ends the
/// process at once.
/// </summary>
internal sealed class WatchedProcess : IDisposable
{
    private readonly Process _process;
    private readonly Action<string> _read;
    private readonly List<string> _lines = new();

    // A line the reader could not take (malformed output): thrown from WaitUntil on the test's thread, because an
    // exception on the process's event thread would end the whole test host instead of one test.
    private Exception? _readFailure;

    /// <param name="name">The tool's name for the error when it does not start.</param>
    /// <param name="start">What to run; output redirection is set here.</param>
    /// <param name="read">Called with each line, under <see cref="Gate"/>.</param>
    public WatchedProcess(string name, ProcessStartInfo start, Action<string> read)
    {
        _read = read;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + name);
        _process.OutputDataReceived += (_, e) => Take(e.Data);
        _process.ErrorDataReceived += (_, e) => Take(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The lock the reader's state is read and written under.</summary>
    public object Gate { get; } = new();

    public bool HasExited => _process.HasExited;

    /// <summary>Every line printed so far, for failure messages.</summary>
    public string Transcript
    {
        get
        {
            lock (Gate)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    /// <summary>True when <paramref name="condition"/> (evaluated under <see cref="Gate"/>) held within <paramref name="limit"/>.</summary>
    public bool WaitUntil(Func<bool> condition, TimeSpan limit)
    {
        var met = GateWait.Until(Gate, () => _readFailure != null || condition(), limit);
        lock (Gate)
        {
            if (_readFailure != null)
            {
                throw new InvalidOperationException("could not read a line of the tool's output", _readFailure);
            }
        }

        return met;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private void Take(string? line)
    {
        if (line == null)
        {
            return;
        }

        lock (Gate)
        {
            _lines.Add(line);
            try
            {
                _read(line);
            }
            catch (Exception e) when (_readFailure == null)
            {
                _readFailure = e;
            }

            Monitor.PulseAll(Gate);
        }
    }
}
