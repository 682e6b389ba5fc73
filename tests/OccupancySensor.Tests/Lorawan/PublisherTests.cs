using OccupancySensor.Lorawan.Payload;
using OccupancySensor.Readings;
using Xunit.Abstractions;

namespace OccupancySensor.Tests.Lorawan;

/// <summary>
/// Store-and-forward over LoRaWAN: readings go through the flash log and <c>LorawanUplinkPublisher</c> to the Class A
/// device, and lora-packet (the network server) plus the ES5 codec must find exactly the readings the unit produced.
/// </summary>
public class PublisherTests(ITestOutputHelper output)
{
    private void Report(string name, PublisherRig rig, int frames)
    {
        var uplinks = rig.Uplinks;
        var use = DutyCycleCheck.AssertNeverOver(uplinks.Select(t => (t.Start, t.FrequencyHz, t.AirtimeMicroseconds)));
        var readingFrames = rig.Publisher.ReadingFrames;
        output.WriteLine($"{name}: {rig.Produced.Count} readings in {frames} distinct frames ({uplinks.Count} transmissions), " +
            $"{(double)rig.Publisher.ReadingsSent / readingFrames:F2} readings per frame, {rig.Publisher.CountRunsSent} count runs, " +
            $"airtime {uplinks.Average(t => t.AirtimeMicroseconds) / 1000.0:F1} ms per uplink, " +
            $"{(rig.Now - uplinks[0].Start) / 3_600_000.0:F1} h; duty cycle used per sub-band: " +
            string.Join(", ", use.OrderBy(u => u.Key).Select(u => $"band {u.Key} {u.Value * 100:F3} %")));
    }

    [Fact]
    public void A_device_joins_by_OTAA_then_1000_uplinks_through_the_flash_log_decrypt_to_exactly_the_readings_produced()
    {
        var rig = new PublisherRig(seed: 7);
        rig.Join();
        rig.Run(() => rig.Uplinks.Count >= 1000, 10L * 86_400_000);

        var received = rig.Received(out var frames);
        Assert.True(rig.Uplinks.Count >= 1000);
        rig.AssertExactly(received, repeatsAllowed: false);

        // Log order, except alerts and drop reports, which go ahead of the backlog.
        var backlog = received.Select(r => (long)r.Decoded["seq"]!)
            .Where(s => rig.Produced.Single(p => p.Sequence == s).Kind is not (ReadingKind.Alert or ReadingKind.ReadingsDropped)).ToList();
        Assert.Equal(backlog.OrderBy(s => s), backlog);

        // Alerts went confirmed and were acknowledged; every reading was released from the log.
        Assert.Equal(rig.Produced.Count, rig.Publisher.Delivered);
        Assert.Equal(0, rig.Log.Pending);
        Assert.Equal(0, rig.Publisher.Unacknowledged);
        Report("DR5", rig, frames);
    }

    [Fact]
    public void At_DR0_the_duty_cycle_holds_readings_back_and_they_leave_later_packed_and_folded_without_loss()
    {
        var rig = new PublisherRig(seed: 3);
        rig.Join();

        // SF12: about 1.5 s of airtime a frame, so 1 % per sub-band allows few frames and the backlog builds.
        rig.Harness.Device.Mac.DataRate = 0;
        rig.Run(() => rig.Produced.Count >= 600, 10L * 86_400_000);

        var received = rig.Received(out var frames);
        rig.AssertExactly(received, repeatsAllowed: false);
        Assert.All(rig.Uplinks, t => Assert.Equal(12, t.SpreadingFactor));
        Assert.True(rig.Publisher.CountRunsSent > 0, "no counts were folded");
        Assert.True(frames < rig.Produced.Count / 2, "the backlog was not packed: " + frames + " frames for " + rig.Produced.Count + " readings");
        Assert.All(rig.Uplinks, t => Assert.True(t.Bytes.Length - 13 <= 51, "over the DR0 payload limit"));
        Report("DR0", rig, frames);
    }

    [Fact]
    public void Readings_taken_while_the_gateway_heard_nothing_arrive_after_coverage_returns()
    {
        var rig = new PublisherRig(seed: 5);
        rig.Join();
        var deafFrom = rig.Now + 3_600_000;
        var deafUntil = deafFrom + 2 * 3_600_000;
        rig.Heard = t => t.Start < deafFrom || t.Start >= deafUntil;
        rig.Run(() => rig.Now >= deafUntil + 3_600_000, 10L * 86_400_000);

        var received = rig.Received(out var frames);

        // Frames sent unconfirmed into the dead link are sent again from history: duplicates of what was heard are
        // allowed (identical), losses are not.
        rig.AssertExactly(received, repeatsAllowed: true);
        Assert.True(rig.Publisher.Unacknowledged > 0, "the lost link went unnoticed");
        var takenWhileDeaf = rig.Produced.Where(r => r.TimestampMilliseconds >= deafFrom && r.TimestampMilliseconds < deafUntil).ToList();
        Assert.NotEmpty(takenWhileDeaf);
        var heardUplinks = rig.Uplinks.Where(rig.Heard).ToList();
        Assert.DoesNotContain(heardUplinks, t => t.Start >= deafFrom && t.Start < deafUntil);
        Assert.Equal(rig.Produced.Count, rig.Publisher.Delivered);
        output.WriteLine($"coverage loss of 2 h: {takenWhileDeaf.Count} readings taken while deaf, all delivered after; " +
            $"{rig.Publisher.Unacknowledged} unacknowledged probes; {received.Count - rig.Produced.Count} readings repeated");
        Report("coverage loss", rig, frames);
    }

    [Fact]
    public void Readings_sent_behind_a_drop_report_into_a_dead_link_are_sent_again()
    {
        var rig = new PublisherRig(seed: 5);
        rig.Join();
        var deafFrom = rig.Now + 3_600_000;
        var deafUntil = deafFrom + 2 * 3_600_000;
        rig.Heard = t => t.Start < deafFrom || t.Start >= deafUntil;

        // A drop report every minute: unconfirmed, ahead of the queue, and numbered after the minute's other readings,
        // so frames of older readings from the log follow it. What went into the dead link is sent again all the same.
        rig.EveryMinute = minute => rig.Produce(Reading.ReadingsDropped(rig.Now, 1, minute + 1));
        rig.Run(() => rig.Now >= deafUntil + 3_600_000, 10L * 86_400_000);

        rig.AssertExactly(rig.Received(out _), repeatsAllowed: true);
        Assert.True(rig.Publisher.Unacknowledged > 0, "the lost link went unnoticed");
    }

    [Fact]
    public void Feeding_uplinks_from_the_log_allocates_nothing()
    {
        var radio = new AcknowledgingRadio();
        var flash = new PreallocatedFlash();
        var clock = new OccupancySensor.HostSim.Simulation.SimulatedClock(0);
        var faults = new OccupancySensor.Runtime.FaultLog();
        var device = new OccupancySensor.Lorawan.Device.ClassADevice(new OccupancySensor.Lorawan.Regions.Eu868Region(), radio,
            new OccupancySensor.Lorawan.Device.LorawanStateStore(flash), OccupancySensor.Lorawan.Airtime.LoraChip.Sx127x,
            DeviceHarness.DevEui, DeviceHarness.JoinEui, Convert.FromHexString(DeviceHarness.AppKey), 1);
        var log = new OccupancySensor.Storage.ReadingLog(flash, OccupancySensor.Storage.ReadingLog.FileStem, 8 * 1024, 16, clock, faults);
        log.Open();
        var publisher = new OccupancySensor.Lorawan.Uplink.LorawanUplinkPublisher(device, log, faults);
        device.ActivateByPersonalization(PublisherRig.DevAddr, new byte[16], new byte[16]);
        device.Mac.DataRate = 5;
        var now = 0L;
        var reading = Reading.PeriodicCount(0, 1, 3);
        long allocated = 0;
        for (var minute = 0; minute < 400; minute++)
        {
            // Two readings a minute (a count and a presence change), stepped as the loop would.
            var end = now + 60_000;
            reading.TimestampMilliseconds = now;
            publisher.Accept(reading);
            publisher.Accept(Reading.PresenceChanged(now, 2, minute % 2 == 0));
            while (now < end)
            {
                clock.AdvanceTo(now);
                var before = GC.GetAllocatedBytesForCurrentThread();
                var due = publisher.Step(now);
                if (minute >= 100)
                {
                    allocated += GC.GetAllocatedBytesForCurrentThread() - before;
                }

                now = Math.Min(Math.Max(due, now + 1), end);
            }
        }

        var frames = publisher.ReadingFrames;
        output.WriteLine($"{frames} uplinks ({radio.Sent} transmissions, {publisher.Delivered} readings delivered): " +
            $"{allocated} bytes allocated by the publisher, log and device in the last 300 minutes");
        Assert.True(frames > 300, "too few uplinks: " + frames);
        Assert.Equal(0, allocated);
    }

    /// <summary>
    /// A radio whose network acknowledges every confirmed uplink in the next window (session keys all zero, as the
    /// test's ABP session has them), with buffers allocated up front, so any allocation is the firmware's.
    /// </summary>
    private sealed class AcknowledgingRadio : OccupancySensor.Lorawan.Device.ILoraRadio
    {
        private readonly byte[] _ack = new byte[12];
        private readonly OccupancySensor.Lorawan.Frames.FrameIntegrity _integrity = new();
        private readonly OccupancySensor.Lorawan.Crypto.AesCmac _networkKey = new();
        private bool _ackDue;
        private uint _downlinkCounter;

        public AcknowledgingRadio() => _networkKey.SetKey(new byte[16], 0);

        public int Sent;

        public int LastSnr => 0;

        public bool Transmit(int frequencyHz, OccupancySensor.Lorawan.Airtime.LoraModulation modulation, byte[] buffer, int length)
        {
            Sent++;
            if (buffer[0] >> 5 == 4)
            {
                _ack[0] = 0x60;
                Array.Copy(buffer, 1, _ack, 1, 4);
                _ack[5] = OccupancySensor.Lorawan.Frames.FrameFormat.ControlAck;
                _ack[6] = (byte)_downlinkCounter;
                _ack[7] = (byte)(_downlinkCounter >> 8);
                _integrity.Write(_networkKey, true, PublisherRig.DevAddr, _downlinkCounter, _ack, 0, 8, _ack, 8);
                _downlinkCounter++;
                _ackDue = true;
            }

            return true;
        }

        public int Receive(int frequencyHz, OccupancySensor.Lorawan.Airtime.LoraModulation modulation, long opensAtMilliseconds, byte[] buffer)
        {
            if (!_ackDue)
            {
                return 0;
            }

            _ackDue = false;
            Array.Copy(_ack, buffer, _ack.Length);
            return _ack.Length;
        }
    }

    /// <summary>Files in arrays allocated up front: flash that allocates nothing, so any allocation is the firmware's.</summary>
    private sealed class PreallocatedFlash : OccupancySensor.Hardware.IFileStore
    {
        private readonly Dictionary<string, File> _files = new(StringComparer.Ordinal);

        public PreallocatedFlash()
        {
            _files[OccupancySensor.Lorawan.Device.LorawanStateStore.SlotA] = new File();
            _files[OccupancySensor.Lorawan.Device.LorawanStateStore.SlotB] = new File();
            for (var s = 0; s < 16; s++)
            {
                _files[OccupancySensor.Storage.ReadingLog.FileStem + s + ".log"] = new File();
            }
        }

        public bool Exists(string name) => _files[name].Exists;

        public long GetLength(string name) => _files[name].Length;

        public int Read(string name, long position, byte[] buffer, int offset, int count)
        {
            var file = _files[name];
            var n = (int)Math.Max(0, Math.Min(count, file.Length - position));
            Array.Copy(file.Bytes, position, buffer, offset, n);
            return n;
        }

        public void Append(string name, byte[] buffer, int offset, int count)
        {
            var file = _files[name];
            Array.Copy(buffer, offset, file.Bytes, file.Length, count);
            file.Length += count;
            file.Exists = true;
        }

        public void WriteAll(string name, byte[] buffer, int offset, int count)
        {
            var file = _files[name];
            file.Length = 0;
            Append(name, buffer, offset, count);
        }

        public void Truncate(string name, long length) => _files[name].Length = (int)Math.Min(length, _files[name].Length);

        public void Delete(string name)
        {
            _files[name].Length = 0;
            _files[name].Exists = false;
        }

        private sealed class File
        {
            public readonly byte[] Bytes = new byte[16 * 1024];
            public int Length;
            public bool Exists;
        }
    }
}
