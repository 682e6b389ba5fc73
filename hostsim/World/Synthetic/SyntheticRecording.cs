using System.Globalization;
using System.Text;

namespace OccupancySensor.HostSim.World.Synthetic;

/// <summary>
/// Someone a scene put in it, as scripted: what they do (<see cref="Kind"/>: "desk worker", "walker", "hooded walker",
/// "side-by-side", "tandem", "turn-back", "lingerer", "seated", "standing"), the way they go through a doorway ("in",
/// "out", or null), whether the script means them to cross it (false for a turn-back) and the seconds between which
/// they are anywhere near the view (their path's start and end; they may be outside the view at either end).
/// </summary>
public sealed record SyntheticPerson(string Kind, string? Direction, bool Crosses, double StartSeconds, double EndSeconds);

/// <summary>A moment of a scene's script, in seconds from the start: "person enters the view", "monitors switched on".</summary>
public sealed record SceneEvent(double Seconds, string What);

/// <summary>
/// A whole synthetic recording held in memory: the room, the warm objects and the people with their paths, from which
/// any frame renders on demand, and the ground truth worked out from the same paths. Rendering depends only on the
/// seed and the frame number (noise is a hash of both), so frames render the same in any order and any number of
/// times, and <see cref="Render"/> allocates nothing. Built by <see cref="SyntheticScenes"/>.
/// </summary>
public sealed class SyntheticRecording
{
    private const int NoiseStream = 0x6E6F;

    private readonly RoomAir _room;
    private readonly IHeatSource[] _sources;
    private readonly Actor[] _actors;
    private readonly ulong _noiseKey;
    private readonly float _noiseSigma;
    private readonly float _quantum;
    private readonly byte[] _people;
    private readonly int[] _inFrames;
    private readonly int[] _outFrames;

    internal SyntheticRecording(SceneDraft draft)
    {
        Name = draft.Name;
        Width = draft.Width;
        Height = draft.Height;
        FramesPerSecond = draft.FramesPerSecond;
        FrameCount = (int)Math.Ceiling((draft.Seconds * draft.FramesPerSecond) - 1e-9);
        _room = draft.Room ?? throw new InvalidOperationException("a scene needs a room");
        _sources = draft.Sources.ToArray();
        _actors = draft.Actors.ToArray();
        _noiseKey = draft.NoiseKey;
        _noiseSigma = (float)draft.NoiseSigma;
        _quantum = (float)draft.QuantumCelsius;
        People = draft.People.ToArray();
        Timeline = draft.Timeline.OrderBy(e => e.Seconds).ToArray();

        _people = new byte[FrameCount];
        var crossings = new List<(int Frame, string Direction)>();
        foreach (var actor in _actors)
        {
            CountInView(actor);
            if (draft.DoorLineX is { } line && CrossingOf(actor, line) is { } crossing)
            {
                crossings.Add(crossing);
            }
        }

        Crossings = crossings.OrderBy(c => c.Frame).ToArray();
        _inFrames = Crossings.Where(c => c.Direction == "in").Select(c => c.Frame).ToArray();
        _outFrames = Crossings.Where(c => c.Direction == "out").Select(c => c.Frame).ToArray();
    }

    /// <summary>What the scene is, with its seed: "doorway-8x8 seed 7".</summary>
    public string Name { get; }

    public int Width { get; }

    public int Height { get; }

    public double FramesPerSecond { get; }

    public int FrameCount { get; }

    public double DurationSeconds => FrameCount / FramesPerSecond;

    /// <summary>Every completed doorway crossing: the frame at which the person's centre crossed the door line for the last time, and "in" or "out".</summary>
    public IReadOnlyList<(int Frame, string Direction)> Crossings { get; }

    /// <summary>The people the script put in the scene (see <see cref="SyntheticPerson"/>).</summary>
    public IReadOnlyList<SyntheticPerson> People { get; }

    /// <summary>The script's moments in time order (for a report, a test, or to know when the walk-in starts).</summary>
    public IReadOnlyList<SceneEvent> Timeline { get; }

    public override string ToString() => $"{Name} ({Width}x{Height}, {FramesPerSecond} fps, {FrameCount} frames)";

    /// <summary>Seconds from the start of the recording to <paramref name="frame"/>.</summary>
    public double TimeOf(int frame)
    {
        CheckFrame(frame);
        return frame / FramesPerSecond;
    }

    /// <summary>The room's air temperature at <paramref name="frame"/> as an ambient sensor (BME280, 0.01 °C steps) reports it.</summary>
    public double AmbientOf(int frame) => Math.Round(_room.AirAt(TimeOf(frame)), 2);

    /// <summary>Fills <paramref name="pixels"/> (°C, row-major, index = row * Width + column) with what the sensor reads at <paramref name="frame"/>.</summary>
    public void Render(int frame, float[] pixels)
    {
        RenderExpected(frame, pixels);
        var count = Width * Height;
        for (var i = 0; i < count; i += 2)
        {
            var (first, second) = CounterNoise.GaussianPair(CounterNoise.Hash(_noiseKey, NoiseStream, frame, i));
            pixels[i] += (float)(_noiseSigma * first);
            if (i + 1 < count)
            {
                pixels[i + 1] += (float)(_noiseSigma * second);
            }
        }

        if (_quantum > 0)
        {
            for (var i = 0; i < count; i++)
            {
                pixels[i] = MathF.Round(pixels[i] / _quantum) * _quantum;
            }
        }
    }

    /// <summary>
    /// The scene without the sensor's noise and quantisation: the room, its fixed offsets, the warm objects and (unless
    /// <paramref name="includePeople"/> is false) the people. The difference of the two is exactly what the people add.
    /// </summary>
    public void RenderExpected(int frame, float[] pixels, bool includePeople = true)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        var count = Width * Height;
        if (pixels.Length != count)
        {
            throw new ArgumentException($"expected {count} pixels, got {pixels.Length}", nameof(pixels));
        }

        var t = TimeOf(frame);
        var air = (float)_room.AirAt(t);
        var offsets = _room.Offsets;
        for (var i = 0; i < count; i++)
        {
            pixels[i] = air + offsets[i];
        }

        for (var s = 0; s < _sources.Length; s++)
        {
            _sources[s].Draw(t, pixels, Width, Height);
        }

        if (!includePeople)
        {
            return;
        }

        for (var a = 0; a < _actors.Length; a++)
        {
            if (_actors[a].IsActive(t))
            {
                _actors[a].Draw(t, pixels, Width, Height);
            }
        }
    }

    /// <summary>True when at least one person's centre is inside the view at <paramref name="frame"/>.</summary>
    public bool TruthOccupied(int frame) => TruthPeople(frame) > 0;

    /// <summary>How many people have their centre inside the view at <paramref name="frame"/>.</summary>
    public int TruthPeople(int frame)
    {
        CheckFrame(frame);
        return _people[frame];
    }

    /// <summary>Crossings "in" (towards higher columns) completed up to and including <paramref name="frame"/>.</summary>
    public int TruthIn(int frame)
    {
        CheckFrame(frame);
        return CountUpTo(_inFrames, frame);
    }

    /// <summary>Crossings "out" (towards lower columns) completed up to and including <paramref name="frame"/>.</summary>
    public int TruthOut(int frame)
    {
        CheckFrame(frame);
        return CountUpTo(_outFrames, frame);
    }

    /// <summary>
    /// Writes the recording in the replay format: the header <c>t_s,ambient_c,p0,...,pN-1</c> and one row per frame
    /// (seconds, ambient °C, N pixels in °C, row-major), invariant culture, '\n' line ends. Numbers are written in
    /// their shortest round-trip form, so a replay reads back exactly what <see cref="Render"/> gives.
    /// </summary>
    public void WriteFramesCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var count = Width * Height;
        var header = new StringBuilder("t_s,ambient_c");
        for (var i = 0; i < count; i++)
        {
            header.Append(",p").Append(i.ToString(CultureInfo.InvariantCulture));
        }

        writer.Write(header.ToString());
        writer.Write('\n');
        var pixels = new float[count];
        Span<char> cell = stackalloc char[40];
        for (var frame = 0; frame < FrameCount; frame++)
        {
            Render(frame, pixels);
            Write(writer, TimeOf(frame), cell);
            writer.Write(',');
            Write(writer, AmbientOf(frame), cell);
            for (var i = 0; i < count; i++)
            {
                writer.Write(',');
                pixels[i].TryFormat(cell, out var length, default, CultureInfo.InvariantCulture);
                writer.Write(cell[..length]);
            }

            writer.Write('\n');
        }
    }

    private static void Write(TextWriter writer, double value, Span<char> cell)
    {
        value.TryFormat(cell, out var length, default, CultureInfo.InvariantCulture);
        writer.Write(cell[..length]);
    }

    private void CheckFrame(int frame)
    {
        if ((uint)frame >= (uint)FrameCount)
        {
            throw new ArgumentOutOfRangeException(nameof(frame), frame, $"the recording has frames 0 to {FrameCount - 1}");
        }
    }

    private bool InView(double x, double y) => x >= 0 && x < Width && y >= 0 && y < Height;

    private (int First, int Last) FramesOf(Actor actor) =>
        (Math.Max(0, (int)Math.Ceiling(actor.Start * FramesPerSecond)), Math.Min(FrameCount - 1, (int)Math.Floor(actor.End * FramesPerSecond)));

    private void CountInView(Actor actor)
    {
        var (first, last) = FramesOf(actor);
        for (var frame = first; frame <= last; frame++)
        {
            var t = frame / FramesPerSecond;
            if (actor.IsActive(t))
            {
                var (x, y) = actor.Centre(t);
                if (InView(x, y))
                {
                    _people[frame]++;
                }
            }
        }
    }

    /// <summary>
    /// A crossing when the person's path starts on one side of the door line and ends on the other (pixel c covers
    /// [c, c+1), so a centre at exactly the line is on the "in" side); it happens at the first frame from which the
    /// centre stays on the far side. A turn-back, even one that steps over the line, starts and ends on the same side.
    /// </summary>
    private (int Frame, string Direction)? CrossingOf(Actor actor, double line)
    {
        var startsIn = actor.Centre(actor.Start).X >= line;
        var endsIn = actor.Centre(actor.End).X >= line;
        if (startsIn == endsIn)
        {
            return null;
        }

        var (first, last) = FramesOf(actor);
        var crossed = -1;
        for (var frame = last; frame >= first; frame--)
        {
            if (actor.Centre(frame / FramesPerSecond).X >= line != endsIn)
            {
                break;
            }

            crossed = frame;
        }

        // A path the recording cuts off has not ended anywhere yet: no crossing (the scenes end every path in time).
        if (crossed < 0 || actor.End > (FrameCount - 1) / FramesPerSecond)
        {
            return null;
        }

        return (crossed, endsIn ? "in" : "out");
    }

    private static int CountUpTo(int[] sortedFrames, int frame)
    {
        int low = 0, high = sortedFrames.Length;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (sortedFrames[mid] <= frame)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}

/// <summary>What a scene factory assembles before the recording is built.</summary>
internal sealed class SceneDraft(string name, int width, int height, double framesPerSecond)
{
    public string Name { get; } = name;

    public int Width { get; } = width;

    public int Height { get; } = height;

    public double FramesPerSecond { get; } = framesPerSecond;

    public double Seconds { get; set; }

    public RoomAir? Room { get; set; }

    public ulong NoiseKey { get; set; }

    public double NoiseSigma { get; set; }

    /// <summary>The sensor's output step (0.25 °C on the AMG8833), 0 for none.</summary>
    public double QuantumCelsius { get; set; }

    /// <summary>Where doorway crossings are counted (x in pixels), null for scenes without a door.</summary>
    public double? DoorLineX { get; set; }

    public List<IHeatSource> Sources { get; } = new();

    public List<Actor> Actors { get; } = new();

    public List<SyntheticPerson> People { get; } = new();

    public List<SceneEvent> Timeline { get; } = new();

    public void Add(SyntheticPerson person, Actor actor)
    {
        People.Add(person);
        Actors.Add(actor);
    }

    public void Note(double seconds, string what) => Timeline.Add(new SceneEvent(seconds, what));

    public SyntheticRecording Build() => new(this);
}
