package io.canvass.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** A manager of a team; they see the team's whole subtree. */
@Entity
@Table(name = "team_manager")
@IdClass(TeamManager.Key.class)
@NamedQuery(name = "TeamManager.teamsOf", query = "select m.teamId from TeamManager m where m.userId = :userId order by m.teamId")
@NamedQuery(name = "TeamManager.ofTeams", query = "from TeamManager m where m.teamId in :teamIds order by m.userId")
@NamedQuery(name = "TeamManager.ofUser", query = "from TeamManager m where m.userId = :userId order by m.teamId")
public class TeamManager {

    @Id
    @Column(name = "team_id")
    public UUID teamId;

    @Id
    @Column(name = "user_id")
    public UUID userId;

    public TeamManager() {
    }

    public TeamManager(UUID teamId, UUID userId) {
        this.teamId = teamId;
        this.userId = userId;
    }

    Key key() {
        return new Key(teamId, userId);
    }

    /** Composite key. */
    public record Key(UUID teamId, UUID userId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
