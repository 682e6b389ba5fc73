namespace OccupancySensor.Configuration
{
    /// <summary>
    /// A zone: the part of the thermal view that one desk, table or area occupies, with the asset tags its
    /// readings carry. The rectangle is in pixels of the thermal array; without a thermal array a unit has one
    /// zone and it is fed by the PIR alone.
    /// </summary>
    public sealed class ZoneConfiguration
    {
        /// <summary>Creates a zone covering the given rectangle.</summary>
        public ZoneConfiguration(string id, int column, int row, int width, int height)
        {
            Id = id;
            Column = column;
            Row = row;
            Width = width;
            Height = height;
            Asset = string.Empty;
            AssetType = string.Empty;
        }

        /// <summary>The zone's id, unique on the unit (letters, digits, '-' and '_').</summary>
        public string Id { get; private set; }

        /// <summary>First column of the rectangle.</summary>
        public int Column { get; internal set; }

        /// <summary>First row of the rectangle.</summary>
        public int Row { get; internal set; }

        /// <summary>Columns covered; 0 until set.</summary>
        public int Width { get; internal set; }

        /// <summary>Rows covered; 0 until set.</summary>
        public int Height { get; internal set; }

        /// <summary>The asset this zone is (for example desk-3E-07); empty to use the unit's.</summary>
        public string Asset { get; internal set; }

        /// <summary>The asset type (desk, touchdown, meeting_room, room, doorway, area); empty to use the unit's.</summary>
        public string AssetType { get; internal set; }

        /// <summary>People at which an occupancy alert is raised; 0 for no alert.</summary>
        public int Capacity { get; internal set; }

        /// <summary>Whether the pixel at <paramref name="column"/>, <paramref name="row"/> lies in the zone.</summary>
        public bool Contains(int column, int row)
        {
            return column >= Column && column < Column + Width && row >= Row && row < Row + Height;
        }
    }
}
