using OccupancySensor.Runtime;

namespace OccupancySensor.Radios
{
    /// <summary>
    /// How a radio driver's failed call goes into the unit's fault log, the same for every chip: a technician reading
    /// the log sees a bus fault, a chip that stopped answering in time, a wrong chip, or a refused request.
    /// </summary>
    public static class RadioFaults
    {
        /// <summary>The fault code for <paramref name="status"/>.</summary>
        public static FaultCode CodeFor(RadioStatus status)
        {
            switch (status)
            {
                case RadioStatus.BusError:
                    return FaultCode.BusError;
                case RadioStatus.BusyTimeout:
                case RadioStatus.NoCompletion:
                    return FaultCode.BusTimeout;
                case RadioStatus.WrongChip:
                    return FaultCode.NotAcknowledged;
                default:
                    return FaultCode.Invalid;
            }
        }

        /// <summary>Records <paramref name="status"/> with <paramref name="detail"/> (source Uplink) when there is a log.</summary>
        public static void Record(FaultLog faults, long now, RadioStatus status, string detail)
        {
            if (faults != null)
            {
                faults.Record(now, FaultSource.Uplink, CodeFor(status), detail);
            }
        }
    }
}
