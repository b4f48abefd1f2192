/* dossier-core.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-anchor.h"
#include "dossier-brief.h"
#include "dossier-brief-item.h"
#include "dossier-briefs.h"
#include "dossier-claim.h"
#include "dossier-claims.h"
#include "dossier-database.h"
#include "dossier-document.h"
#include "dossier-document-model.h"
#include "dossier-documents.h"
#include "dossier-extract.h"
#include "dossier-importer.h"
#include "dossier-manifest.h"
#include "dossier-markdown.h"
#include "dossier-metadata.h"
#include "dossier-search.h"
#include "dossier-search-match.h"
#include "dossier-source.h"
#include "dossier-sources.h"
#include "dossier-text.h"
#include "dossier-theme.h"
#include "dossier-themes.h"
