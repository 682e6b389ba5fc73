using OccupancySensor.HostSim.Simulation;
using OccupancySensor.Runtime;

namespace OccupancySensor.HostSim.Report;

/// <summary>Prints what the simulated units reported, and how it compares with the truth.</summary>
public static class DayReport
{
    public static void Print(DaySimulation simulation, TextWriter output, int sampleMessages)
    {
        output.WriteLine("What the sensor units sent (first messages of each unit, MQTT topic and JSON payload):");
        foreach (var unit in simulation.Units)
        {
            output.WriteLine();
            output.WriteLine($"  {unit.Configuration.DeviceId}");
            foreach (var (topic, payload) in unit.Link.Messages.Take(sampleMessages))
            {
                output.WriteLine($"    {topic}");
                output.WriteLine($"      {payload}");
            }

            if (unit.Link.Messages.Count > sampleMessages)
            {
                output.WriteLine($"    ... and {unit.Link.Messages.Count - sampleMessages} more");
            }
        }

        output.WriteLine();
        output.WriteLine("Presence per zone, compared with the truth once a simulated minute:");
        output.WriteLine($"  {"unit",-15} {"zone",-8} {"accuracy",9} {"minutes",8}");
        foreach (var unit in simulation.Units)
        {
            for (var z = 0; z < unit.Configuration.Zones.Length; z++)
            {
                var compared = unit.MinutesCompared[z];
                var accuracy = compared == 0 ? 0 : (double)unit.MinutesCorrect[z] / compared;
                output.WriteLine($"  {unit.Configuration.DeviceId,-15} {unit.Configuration.Zones[z].Id,-8} {accuracy,9:P1} {compared,8}");
            }
        }

        output.WriteLine();
        output.WriteLine("Sampling loop and uplink per unit:");
        output.WriteLine($"  {"unit",-15} {"frames",8} {"frame faults",12} {"ambient",8} {"pir",5} {"recoveries",10} {"faults",7} {"produced",9} {"delivered",9} {"pending",8} {"lost",5} {"prealloc B",10}");
        foreach (var unit in simulation.Units)
        {
            var c = unit.Unit.Counters;
            output.WriteLine(
                $"  {unit.Configuration.DeviceId,-15} {c.FramesProcessed,8} {c.FrameFaults,12} {c.AmbientReadings,8} {c.MotionEvents,5} {c.Recoveries,10} {unit.Faults.Total,7} {c.ReadingsProduced,9} {unit.Publisher.Delivered,9} {unit.Publisher.Pending,8} {unit.Publisher.Dropped,5} {unit.Unit.AllocatedBytes,10}");
        }

        output.WriteLine();
        output.WriteLine("Faults recorded (most recent first, up to 6 per unit):");
        foreach (var unit in simulation.Units.Where(u => u.Faults.Total > 0))
        {
            output.WriteLine($"  {unit.Configuration.DeviceId}:");
            for (var age = 0; age < Math.Min(6, unit.Faults.RecentCount); age++)
            {
                FaultRecord fault = unit.Faults.GetRecent(age);
                var at = TimeSpan.FromMilliseconds(fault.TimestampMilliseconds);
                output.WriteLine($"    {at:hh\\:mm\\:ss} {fault.Source,-13} {fault.Code,-20} {fault.Detail}");
            }
        }
    }
}
