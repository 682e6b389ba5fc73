using System;
using OccupancySensor.Configuration;
using OccupancySensor.Hardware;
using OccupancySensor.Processing;
using OccupancySensor.Readings;
using OccupancySensor.Sensors;
using OccupancySensor.Sensors.Amg8833;
using OccupancySensor.Sensors.Pir;

namespace OccupancySensor.Runtime
{
    /// <summary>
    /// The sampling loop of one sensor unit, the same on an ESP32 and in every simulated unit. Each call to
    /// <see cref="Step"/> does the work that is due at the clock's time: it drains PIR edges captured by the pin
    /// interrupt, reads a thermal frame at the sensor's rate, an ambient reading every minute, feeds the processing
    /// chain, applies hold times and emits periodic reports, then says how long the caller may sleep.
    /// A failing sensor is recorded as a fault and retried with back-off (re-initialising the chip, which may have
    /// lost power); the loop itself never stops on a fault.
    /// </summary>
    public sealed class SensorUnit : IReadingSink
    {
        // First retry of a failed sensor after 250 ms, doubling to one attempt a minute.
        private const int RetryInitialMilliseconds = 250;
        private const int RetryMaxMilliseconds = 60000;

        // An HC-SR501 reports motion while it settles for up to a minute after power-up: its edges are drained
        // and ignored until then.
        private const long PirWarmUpMilliseconds = 60000;

        // The loop sleeps at most this long so hold times are applied promptly even with nothing else due.
        private const int MaxSleepMilliseconds = 1000;

        private readonly DeviceConfiguration _configuration;
        private readonly IClock _clock;
        private readonly IReadingSink _sink;
        private readonly FaultLog _faults;
        private readonly DetectionEngine _engine;
        private readonly SensorUnitCounters _counters = new SensorUnitCounters();

        private readonly Amg8833 _thermal;
        private readonly FrameRing _frames;

        // Frames waiting between the reader and the engine. The loop processes each frame right after reading it,
        // so one is in use at a time; the others keep the last moments for a commissioning session's raw view
        // (4 x 64 pixels x 4 bytes = 1 KB on an 8x8 unit).
        private const int FrameRingCapacity = 4;
        private readonly RetryBackoff _thermalRetry = new RetryBackoff(RetryInitialMilliseconds, RetryMaxMilliseconds);
        private readonly int _framePeriod;
        private bool _thermalReady;
        private long _nextFrameAt;

        private readonly IAmbientSensor _ambient;
        private readonly RetryBackoff _ambientRetry = new RetryBackoff(RetryInitialMilliseconds, RetryMaxMilliseconds);
        private readonly int _ambientPeriod;
        private long _nextAmbientAt;

        private readonly PirMotionInput _pir;
        private int _pirDropsReported;

        private readonly long _startedAt;
        private long _nextReportAt;
        private long _nextHealthAt;

        /// <summary>Builds the unit from its configuration and hardware; nothing is allocated after this.</summary>
        public SensorUnit(DeviceConfiguration configuration, SensorHardware hardware, IReadingSink sink, FaultLog faults)
        {
            _configuration = configuration;
            _clock = hardware.Clock;
            _sink = sink;
            _faults = faults;
            _engine = new DetectionEngine(
                configuration.ThermalWidth,
                configuration.ThermalHeight,
                configuration.Zones,
                configuration.Door,
                configuration.Engine);
            _startedAt = _clock.NowMilliseconds;

            if (configuration.Thermal == ThermalSensorKind.Amg8833)
            {
                if (hardware.ThermalBus == null)
                {
                    _faults.Record(_startedAt, FaultSource.Thermal, FaultCode.Missing, "no thermal bus on this board");
                }
                else
                {
                    _thermal = new Amg8833(hardware.ThermalBus, configuration.ThermalFramesPerSecond == 10);
                    _frames = new FrameRing(FrameRingCapacity, Amg8833.Width, Amg8833.Height);
                    _framePeriod = _thermal.FramePeriodMilliseconds;
                }
            }

            if (configuration.Ambient != AmbientSensorKind.None)
            {
                _ambient = hardware.Ambient;
                if (_ambient == null)
                {
                    _faults.Record(_startedAt, FaultSource.Ambient, FaultCode.Missing, "no ambient sensor on this board");
                }
            }

            if (configuration.PirPresent)
            {
                if (hardware.Pir == null)
                {
                    _faults.Record(_startedAt, FaultSource.Pir, FaultCode.Missing, "no PIR input on this board");
                }
                else
                {
                    _pir = new PirMotionInput(hardware.Pir, _clock);
                }
            }

            _ambientPeriod = configuration.AmbientPeriodSeconds * 1000;
            _nextFrameAt = _startedAt;
            _nextAmbientAt = _startedAt;
            _nextReportAt = _startedAt + (configuration.ReportPeriodSeconds * 1000L);
            _nextHealthAt = _startedAt + (configuration.HealthPeriodSeconds * 1000L);
        }

        /// <summary>The configuration the unit runs.</summary>
        public DeviceConfiguration Configuration
        {
            get { return _configuration; }
        }

        /// <summary>What the loop has done.</summary>
        public SensorUnitCounters Counters
        {
            get { return _counters; }
        }

        /// <summary>The unit's fault record.</summary>
        public FaultLog Faults
        {
            get { return _faults; }
        }

        /// <summary>The processing chain.</summary>
        public DetectionEngine Engine
        {
            get { return _engine; }
        }

        /// <summary>Bytes preallocated by the loop and its processing chain.</summary>
        public int AllocatedBytes
        {
            get
            {
                int bytes = _engine.AllocatedBytes;
                if (_frames != null)
                {
                    bytes += _frames.AllocatedBytes + Amg8833Registers.PixelBytes + 2;
                }

                return bytes;
            }
        }

        /// <summary>
        /// Does the work due now and returns the milliseconds until more is due (the caller sleeps that long, or
        /// until a PIR edge wakes it).
        /// </summary>
        public int Step()
        {
            long now = _clock.NowMilliseconds;
            DrainMotion();
            if (_thermal != null && now >= _nextFrameAt)
            {
                SampleThermal(now);
            }

            if (_ambient != null && now >= _nextAmbientAt)
            {
                SampleAmbient(now);
            }

            try
            {
                _engine.Evaluate(now, this);
            }
            catch (Exception)
            {
                _faults.Record(now, FaultSource.Processing, FaultCode.Exception, "presence evaluation");
            }

            if (now >= _nextReportAt)
            {
                _nextReportAt += _configuration.ReportPeriodSeconds * 1000L;
                _engine.Report(now, this);
            }

            if (now >= _nextHealthAt)
            {
                _nextHealthAt += _configuration.HealthPeriodSeconds * 1000L;
                Accept(Reading.DeviceHealth(now, _faults.TakeUnreported(), (int)((now - _startedAt) / 1000)));
            }

            return SleepBudget(now);
        }

        /// <summary>A "report now" command: the zones' counts and the unit's health, at once.</summary>
        public void ReportNow()
        {
            long now = _clock.NowMilliseconds;
            _engine.Report(now, this);
            Accept(Reading.DeviceHealth(now, _faults.TakeUnreported(), (int)((now - _startedAt) / 1000)));
        }

        /// <summary>Receives readings from the processing chain and passes them on.</summary>
        public void Accept(Reading reading)
        {
            _counters.ReadingsProduced++;
            _sink.Accept(reading);
        }

        private void DrainMotion()
        {
            if (_pir == null)
            {
                return;
            }

            long timestamp;
            bool isHigh;
            while (_pir.TryTake(out timestamp, out isHigh))
            {
                if (!isHigh || timestamp - _startedAt < PirWarmUpMilliseconds)
                {
                    continue;
                }

                _counters.MotionEvents++;
                try
                {
                    _engine.AcceptMotion(timestamp, this);
                }
                catch (Exception)
                {
                    _faults.Record(timestamp, FaultSource.Processing, FaultCode.Exception, "motion");
                }
            }

            if (_pir.DroppedEdges != _pirDropsReported)
            {
                _pirDropsReported = _pir.DroppedEdges;
                _faults.Record(_clock.NowMilliseconds, FaultSource.Pir, FaultCode.Overflow, "PIR edges dropped");
            }
        }

        private void SampleThermal(long now)
        {
            BusStatus status = BusStatus.Ok;
            if (!_thermalReady)
            {
                status = _thermal.Initialize();
                _thermalReady = status == BusStatus.Ok;
            }

            if (status == BusStatus.Ok)
            {
                status = _thermal.ReadFrame(_frames.NextSlot, now);
            }

            if (status != BusStatus.Ok)
            {
                _counters.FrameFaults++;
                _thermalReady = false;
                _faults.Record(now, FaultSource.Thermal, ToFaultCode(status), "AMG8833");
                _thermalRetry.Failed(now);
                _nextFrameAt = _thermalRetry.NextAttemptMilliseconds;
                return;
            }

            if (_thermalRetry.IsFailing)
            {
                _thermalRetry.Succeeded();
                _counters.Recoveries++;
                _faults.Record(now, FaultSource.Thermal, FaultCode.Recovered, "AMG8833");
            }

            _nextFrameAt += _framePeriod;
            if (_nextFrameAt <= now)
            {
                // The loop fell behind (or recovered from a fault): restart the cadence rather than burst.
                _nextFrameAt = now + _framePeriod;
            }

            _frames.Commit();
            _counters.FramesProcessed++;
            try
            {
                ThermalFrame frame = _frames.PeekOldest();
                while (frame != null)
                {
                    try
                    {
                        _engine.AcceptFrame(frame, this);
                    }
                    finally
                    {
                        // A frame that made the chain throw is dropped, not retried forever.
                        _frames.Release();
                    }

                    frame = _frames.PeekOldest();
                }
            }
            catch (Exception)
            {
                _faults.Record(now, FaultSource.Processing, FaultCode.Exception, "thermal frame");
            }
        }

        private void SampleAmbient(long now)
        {
            AmbientSample sample;
            BusStatus status = _ambient.Read(out sample);
            if (status != BusStatus.Ok)
            {
                _counters.AmbientFaults++;
                _faults.Record(now, FaultSource.Ambient, ToFaultCode(status), "BME280");
                _ambientRetry.Failed(now);
                _nextAmbientAt = _ambientRetry.NextAttemptMilliseconds;
                return;
            }

            if (_ambientRetry.IsFailing)
            {
                _ambientRetry.Succeeded();
                _counters.Recoveries++;
                _faults.Record(now, FaultSource.Ambient, FaultCode.Recovered, "BME280");
            }

            _nextAmbientAt = now + _ambientPeriod;
            _counters.AmbientReadings++;
            _engine.AcceptAmbient(sample.TemperatureCelsius);
            Accept(Reading.Ambient(now, sample.TemperatureCelsius, sample.HumidityPercent, sample.PressureHectopascals));
        }

        private int SleepBudget(long now)
        {
            long next = now + MaxSleepMilliseconds;
            if (_thermal != null && _nextFrameAt < next)
            {
                next = _nextFrameAt;
            }

            if (_ambient != null && _nextAmbientAt < next)
            {
                next = _nextAmbientAt;
            }

            if (_nextReportAt < next)
            {
                next = _nextReportAt;
            }

            long wait = next - now;
            return wait < 0 ? 0 : (int)wait;
        }

        private static FaultCode ToFaultCode(BusStatus status)
        {
            switch (status)
            {
                case BusStatus.AddressNotAcknowledged:
                    return FaultCode.NotAcknowledged;
                case BusStatus.PartialTransfer:
                    return FaultCode.ShortOrCorruptRead;
                case BusStatus.ClockStretchTimeout:
                    return FaultCode.BusTimeout;
                default:
                    return FaultCode.BusError;
            }
        }
    }
}
