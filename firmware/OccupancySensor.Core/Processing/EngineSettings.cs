using OccupancySensor.Configuration;

namespace OccupancySensor.Processing
{
    /// <summary>
    /// Every threshold and time of the detection engine in one place, each with its range and default. Values are
    /// set by name (the configuration keys <c>detect.NAME</c>, the replay option <c>--set NAME=VALUE</c>) and
    /// checked on the way in: a value out of range is refused with a message that names it and the range, and the
    /// previous value stays. Noise-relative thresholds are in units of the learned pixel noise (sigma), so one
    /// setting serves the AMG8833 (0.25 °C steps) and the MLX9064x (finer, noisier) alike.
    /// </summary>
    public sealed class EngineSettings
    {
        /// <summary>A pixel is warm (part of a region) above this many sigmas over the background.</summary>
        public const int DetectSigmaId = 0;

        /// <summary>A region becomes a blob when its warmest pixel reaches this many sigmas.</summary>
        public const int PeakSigmaId = 1;

        /// <summary>A region under a tracked person stays a blob while its peak reaches this (hysteresis).</summary>
        public const int HoldSigmaId = 2;

        /// <summary>Touching warm regions stay apart when each peak stands this many sigmas above the saddle.</summary>
        public const int SplitSigmaId = 3;

        /// <summary>Lower bound of the learned noise in °C.</summary>
        public const int NoiseFloorId = 4;

        /// <summary>A track counts when its blob's mass reaches this many peak thresholds.</summary>
        public const int ConfirmMassId = 5;

        /// <summary>Farthest a blob may be from a track's prediction, in pixels; 0 scales with resolution and rate.</summary>
        public const int TrackGateId = 6;

        /// <summary>How long a moving track survives without a blob.</summary>
        public const int TrackKeepId = 7;

        /// <summary>How long a still person's track survives without a blob.</summary>
        public const int StillKeepId = 8;

        /// <summary>Movement in pixels that shows a warm object is a person.</summary>
        public const int PersonMoveId = 9;

        /// <summary>A blob that reaches full mass within this time of appearing is a person (heaters warm slowly).</summary>
        public const int OnsetId = 10;

        /// <summary>A person neither moving nor seen by the PIR for this long is taken for a heat source.</summary>
        public const int StillLimitId = 11;

        /// <summary>Time constant of learning the empty scene where nobody is.</summary>
        public const int BackgroundTimeId = 12;

        /// <summary>Time constant of learning pixels colder than the background.</summary>
        public const int ColderTimeId = 13;

        /// <summary>Time constant of absorbing heat that is not a person (monitors, radiators, sun).</summary>
        public const int StaticHeatTimeId = 14;

        /// <summary>Time learning the empty scene at start when there is no calibration.</summary>
        public const int WarmUpId = 15;

        /// <summary>A pixel this many sigmas from the background (or less) is quiet and learned.</summary>
        public const int LearnSigmaId = 16;

        /// <summary>Pixels beyond the door line a track must reach before a crossing counts.</summary>
        public const int DoorMarginId = 17;

        /// <summary>A zone turns vacant when PIR and thermal were both quiet this long.</summary>
        public const int VacantHoldId = 18;

        /// <summary>An alert clears when the level falls this many people below the capacity.</summary>
        public const int AlertClearBelowId = 19;

        /// <summary>A level must hold this long before an alert is raised or cleared.</summary>
        public const int AlertDwellId = 20;

        /// <summary>Alert level of the area behind the door (people in); 0 for none.</summary>
        public const int AreaCapacityId = 21;

        /// <summary>A blob's peak must also be this many °C over the background.</summary>
        public const int MinPeakId = 22;

        /// <summary>1 when the view covers the counted area, so the door count is zeroed when the view is empty.</summary>
        public const int AreaInViewId = 23;

        /// <summary>Time constant of averaging a steady pixel (0: no averaging).</summary>
        public const int SteadyTimeId = 24;

        /// <summary>A pixel that changes by more than this many sigmas has jumped and is followed at once.</summary>
        public const int JumpSigmaId = 25;

        /// <summary>Number of settings.</summary>
        public const int Count = 26;

        private static readonly string[] Names =
        {
            "detect_sigma", "peak_sigma", "hold_sigma", "split_sigma", "noise_floor_c", "confirm_mass",
            "track_gate_px", "track_keep_s", "still_keep_s", "person_move_px", "onset_s", "still_limit_s",
            "background_s", "colder_s", "static_heat_s", "warmup_s", "learn_sigma", "door_margin_px",
            "vacant_hold_s", "alert_clear_below", "alert_dwell_s", "area_capacity", "min_peak_c", "area_in_view",
            "steady_s", "jump_sigma",
        };

        // Defaults: measured on real 8x8 doorway recordings and a real 16x12 desk recording (see the README's
        // "Detection engine" section); ranges: beyond them the engine either sees noise as people or nobody at all.
        private static readonly float[] Defaults =
        {
            3f, 6f, 4f, 1.5f, 0.05f, 6f,
            0f, 0.3f, 3f, 1f, 2f, 28800f,
            30f, 2f, 300f, 2f, 1.5f, 0.5f,
            10f, 1f, 5f, 0f, 1f, 0f,
            3f, 3f,
        };

        private static readonly float[] Minimums =
        {
            1.5f, 2f, 1.5f, 0.5f, 0.01f, 1f,
            0f, 0.05f, 0.1f, 0.3f, 0.1f, 600f,
            2f, 0.1f, 10f, 0.5f, 0.5f, 0f,
            0f, 1f, 0f, 0f, 0.3f, 0f,
            0f, 1.5f,
        };

        private static readonly float[] Maximums =
        {
            10f, 20f, 20f, 10f, 2f, 100f,
            16f, 10f, 60f, 8f, 60f, 86400f,
            3600f, 600f, 86400f, 600f, 5f, 3f,
            86400f, 100f, 3600f, 10000f, 10f, 1f,
            60f, 10f,
        };

        private readonly float[] _values = new float[Count];

        /// <summary>Creates settings holding the defaults.</summary>
        public EngineSettings()
        {
            for (int i = 0; i < Count; i++)
            {
                _values[i] = Defaults[i];
            }
        }

        /// <summary>The value of setting <paramref name="id"/>.</summary>
        public float Get(int id)
        {
            return _values[id];
        }

        /// <summary>The name of setting <paramref name="id"/>.</summary>
        public static string NameOf(int id)
        {
            return Names[id];
        }

        /// <summary>The id of the setting called <paramref name="name"/>, or -1.</summary>
        public static int Find(string name)
        {
            for (int i = 0; i < Count; i++)
            {
                if (Names[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Sets <paramref name="name"/> from text; returns null, or why the value was refused.</summary>
        public string TrySet(string name, string text)
        {
            int id = Find(name);
            if (id < 0)
            {
                return "'" + name + "' is not an engine setting";
            }

            float value;
            if (!TextValues.TryParseFloat(text, out value))
            {
                return name + " must be a number (got '" + text + "')";
            }

            return TrySet(id, value);
        }

        /// <summary>Sets setting <paramref name="id"/>; returns null, or why the value was refused.</summary>
        public string TrySet(int id, float value)
        {
            // NaN fails both comparisons, so it is tested on its own.
            if (!(value >= Minimums[id] && value <= Maximums[id]))
            {
                return Names[id] + " must be " + Minimums[id].ToString() + " to " + Maximums[id].ToString() +
                       " (got " + value.ToString() + ")";
            }

            _values[id] = value;
            return null;
        }

        /// <summary>Checks the settings against each other; returns null, or what is wrong.</summary>
        public string Validate()
        {
            if (_values[HoldSigmaId] > _values[PeakSigmaId])
            {
                return "hold_sigma must not exceed peak_sigma";
            }

            if (_values[DetectSigmaId] > _values[HoldSigmaId])
            {
                return "detect_sigma must not exceed hold_sigma";
            }

            if (_values[LearnSigmaId] > _values[DetectSigmaId])
            {
                return "learn_sigma must not exceed detect_sigma";
            }

            return null;
        }

        /// <summary>Copies every value from <paramref name="other"/>.</summary>
        public void CopyFrom(EngineSettings other)
        {
            for (int i = 0; i < Count; i++)
            {
                _values[i] = other._values[i];
            }
        }
    }
}
