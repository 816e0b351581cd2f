// The CAD stream's events (GET /api/cad/stream), named as the server's event records are and as the journal keeps
// them: PascalCase, past tense. CadEventNamesTests holds these lists to the records, so they cannot drift apart.
export const INCIDENT_EVENTS = ['IncidentCreated', 'IncidentStatusChanged', 'IncidentNoteAdded', 'IncidentPriorityChanged',
  'IncidentsLinked', 'IncidentMerged', 'PossibleDuplicatesFlagged'];
export const UNIT_EVENTS = ['UnitAssigned', 'UnitAcknowledged', 'AcknowledgementOverdue', 'UnitStatusChanged', 'OnSceneProposed',
  'UnitCleared', 'AssignmentCancelled', 'UnitWentOffline', 'UnitBackOnline'];
export const CAD_EVENTS = [...INCIDENT_EVENTS, ...UNIT_EVENTS];

export const isIncidentEvent = (type) => INCIDENT_EVENTS.includes(type);
export const isUnitEvent = (type) => UNIT_EVENTS.includes(type);
