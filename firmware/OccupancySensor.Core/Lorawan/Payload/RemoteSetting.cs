namespace OccupancySensor.Lorawan.Payload
{
    /// <summary>
    /// The numeric settings a downlink may change, with the ranges the configuration file allows for the same keys
    /// (Configuration/ConfigurationParser; a test holds the two together). Ids are the wire values.
    /// </summary>
    public static class RemoteSetting
    {
        /// <summary>reporting.period_s: seconds between periodic count reports.</summary>
        public const int ReportPeriodSeconds = 1;

        /// <summary>reporting.health_period_s: seconds between health reports.</summary>
        public const int HealthPeriodSeconds = 2;

        /// <summary>sensors.ambient.period_s: seconds between ambient readings.</summary>
        public const int AmbientPeriodSeconds = 3;

        /// <summary>thresholds.vacant_hold_s: seconds of quiet before a zone is reported vacant.</summary>
        public const int VacantHoldSeconds = 4;

        /// <summary>The highest id.</summary>
        public const int Count = 4;

        /// <summary>The smallest value allowed for a setting id (-1 for an unknown id).</summary>
        public static int Minimum(int id)
        {
            switch (id)
            {
                case ReportPeriodSeconds:
                    return 60;
                case HealthPeriodSeconds:
                    return 300;
                case AmbientPeriodSeconds:
                    return 10;
                case VacantHoldSeconds:
                    return 10;
                default:
                    return -1;
            }
        }

        /// <summary>The largest value allowed for a setting id (-1 for an unknown id).</summary>
        public static int Maximum(int id)
        {
            switch (id)
            {
                case ReportPeriodSeconds:
                case HealthPeriodSeconds:
                case VacantHoldSeconds:
                    return 86400;
                case AmbientPeriodSeconds:
                    return 3600;
                default:
                    return -1;
            }
        }

        /// <summary>The configuration file key of a setting id (null for an unknown id).</summary>
        public static string ConfigurationKey(int id)
        {
            switch (id)
            {
                case ReportPeriodSeconds:
                    return "reporting.period_s";
                case HealthPeriodSeconds:
                    return "reporting.health_period_s";
                case AmbientPeriodSeconds:
                    return "sensors.ambient.period_s";
                case VacantHoldSeconds:
                    return "thresholds.vacant_hold_s";
                default:
                    return null;
            }
        }
    }
}
