namespace OccupancySensor.Lorawan.Airtime
{
    /// <summary>
    /// The radio family whose time-on-air formula applies. For SF7..SF12 both give the same figure; they differ at
    /// SF5/SF6 (SX126x only: 6.25 preamble symbols and no 8-bit header term; the SX127x has no SF5).
    /// </summary>
    public enum LoraChip
    {
        /// <summary>SX1272/SX1276/SX1278 (Semtech AN1200.13, SX1276 datasheet 4.1.1.7).</summary>
        Sx127x = 0,

        /// <summary>SX1261/SX1262/SX1268 (SX1261/2 datasheet 6.1.4).</summary>
        Sx126x = 1,
    }
}
